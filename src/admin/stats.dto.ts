import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ATTEMPT_OUTCOMES } from '../store/model';
import { DELIVERY_STATUSES } from './deliveries.dto';

export const STATS_WINDOWS = { '1h': 60, '24h': 900 } as const;
export type StatsWindow = keyof typeof STATS_WINDOWS;

/** Query of `GET /admin/stats`. */
export class StatsQuery {
  @ApiPropertyOptional({
    enum: Object.keys(STATS_WINDOWS),
    default: '1h',
    description: '1h: 60 buckets of a minute; 24h: 96 buckets of 15 minutes.',
  })
  @IsOptional()
  @IsIn(Object.keys(STATS_WINDOWS))
  window: StatsWindow = '1h';
}

/** An object of counts, one number per key, for the OpenAPI document. */
const counts = (keys: readonly string[]) =>
  Object.fromEntries(keys.map((key) => [key, { type: 'number' as const }]));
const deliveryCounts = counts(['accepted', ...DELIVERY_STATUSES]);
const runCounts = counts(ATTEMPT_OUTCOMES);

export class StatsBucketView {
  @ApiProperty({ format: 'date-time', description: "The bucket's start." }) at: string;
  @ApiProperty({
    type: 'object',
    properties: deliveryCounts,
    description:
      'Deliveries received in the bucket: all of them (accepted) and by their status now.',
  })
  deliveries: Record<string, number>;
  @ApiProperty({
    type: 'object',
    properties: runCounts,
    description: 'Handler attempts started in the bucket, by outcome (the attempt log).',
  })
  runs: Record<string, number>;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      "Acknowledgement latency percentiles from this process's own histogram, sampled each " +
      'minute since it started; null where no minute was sampled or nothing acknowledged.',
  })
  ackLatencyP50Ms: number | null;
  @ApiProperty({ type: Number, nullable: true }) ackLatencyP99Ms: number | null;
}

export class BacklogView {
  @ApiProperty({ description: 'Runs due now (pending, or failed and due again).' }) due: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestDueAt: string | null;
  @ApiProperty({ description: 'Deliveries stored that no worker has planned yet.' })
  unplanned: number;
  @ApiProperty({ description: 'Dead runs.' }) dead: number;
}

export class StatsView {
  @ApiProperty({ enum: Object.keys(STATS_WINDOWS) }) window: StatsWindow;
  @ApiProperty({ enum: Object.values(STATS_WINDOWS) }) bucketSeconds: number;
  @ApiProperty({ type: [StatsBucketView], description: 'Oldest first; the last one is now.' })
  buckets: StatsBucketView[];
  @ApiProperty({ type: BacklogView }) backlog: BacklogView;
}
