import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `retention:` in the config file: how long stored deliveries are kept. */
export class RetentionConfig {
  /** Succeeded deliveries (and their runs) are deleted after this many days. */
  @IsInt()
  @Min(1)
  deliveriesDays = 30;

  /** Deliveries with a dead run are kept longer, for investigation and replay. */
  @IsInt()
  @Min(1)
  deadDays = 90;

  /** Optionally drop the raw body (keeping the metadata) after this many days. */
  @IsOptional()
  @IsInt()
  @Min(0)
  rawBodyDays?: number;

  /** How often the purge runs. */
  @IsInt()
  @Min(1000)
  intervalMs = 3_600_000;

  /** Rows per purge transaction: small batches never hold the store for long. */
  @IsInt()
  @Min(1)
  @Max(10_000)
  batchSize = 500;
}
