import { Module } from '@nestjs/common';
import { AckLatencySampler } from './ack-latency-sampler';
import { BacklogQuery } from './backlog.query';
import { MetricsService } from './metrics.service';

/** Metrics shared by the edge and the workers. */
@Module({
  providers: [BacklogQuery, MetricsService, AckLatencySampler],
  exports: [MetricsService, AckLatencySampler],
})
export class ObservabilityModule {}
