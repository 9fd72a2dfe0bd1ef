import { Module } from '@nestjs/common';
import { BacklogQuery } from './backlog.query';
import { MetricsService } from './metrics.service';

/** Metrics shared by the edge and the workers. */
@Module({
  providers: [BacklogQuery, MetricsService],
  exports: [MetricsService],
})
export class ObservabilityModule {}
