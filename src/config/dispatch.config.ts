// @Type reads the property's design:type metadata when the class is declared.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

/** `dispatch.retry:` in the config file: how a failed handler run is retried. */
export class RetryConfig {
  @IsInt()
  @Min(1)
  @Max(100)
  maxAttempts = 8;

  @IsInt()
  @Min(0)
  initialDelayMs = 1000;

  @IsInt()
  @Min(0)
  maxDelayMs = 3_600_000;
}

/** `dispatch:` in the config file: how this process runs handlers. */
export class DispatchConfig {
  /** Handler runs in flight per process. */
  @IsInt()
  @Min(1)
  @Max(1024)
  concurrency = 8;

  /**
   * Runs a worker may claim beyond its free slots while handlers are fast, so one store
   * transaction feeds several rounds of them (0 turns it off). Claimed-ahead runs wait in the
   * process and start as slots free; a crash can repeat up to twice concurrency + prefetch runs
   * (docs/adr/0012-claim-ahead.md).
   */
  @IsInt()
  @Min(0)
  @Max(4096)
  prefetch = 64;

  @ValidateNested()
  @Type(() => RetryConfig)
  retry: RetryConfig = new RetryConfig();

  /** A handler run that takes longer fails with a timeout and is retried. */
  @IsInt()
  @Min(100)
  timeoutMs = 60_000;

  /**
   * How long a claimed run belongs to its process. If the process dies, another takes the run
   * over after this. Default: timeoutMs + 30 s. Must exceed timeoutMs.
   */
  @IsOptional()
  @IsInt()
  @Min(200)
  leaseMs?: number;

  /** Fallback poll for due retries and for work written by other processes. */
  @IsInt()
  @Min(10)
  pollIntervalMs = 1000;

  /** On SIGTERM, how long in-flight runs may finish before they are released. */
  @IsInt()
  @Min(0)
  shutdownGraceMs = 10_000;

  /** Run workers in this process (turn off for an edge-only process). */
  @IsBoolean()
  enabled = true;
}
