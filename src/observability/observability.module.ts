import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { BacklogQuery } from './backlog.query';
import { MetricsService } from './metrics.service';

/** Metrics shared by the edge and the workers. */
@Module({
  imports: [StoreModule],
  providers: [BacklogQuery, MetricsService],
  exports: [MetricsService],
})
export class ObservabilityModule {}
