import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import type { HookgateConfig } from '../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../config/tokens';
import { histogramQuantile } from './histogram-quantile';
import { MetricsService } from './metrics.service';

const MINUTE_MS = 60_000;
/** A day of minutes: the longest window the dashboard charts. */
const KEPT_MINUTES = 24 * 60;
const BUCKET_SERIES = 'hookgate_ack_duration_seconds_bucket';

/** Acknowledgement latency percentiles over one stretch of time, in milliseconds. */
export interface AckLatency {
  p50Ms: number | null;
  p99Ms: number | null;
}

/**
 * Samples this process's acknowledgement latency histogram (`hookgate_ack_duration_seconds`)
 * once a minute and keeps each minute's bucket counts for a day, so the dashboard charts
 * percentiles per minute without a metrics server. In memory: it starts empty with the process,
 * and a process without the webhook edge (`role: worker`) has nothing to sample.
 */
@Injectable()
export class AckLatencySampler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  /** Cumulative counts per bound (+Inf last) at the previous sample. */
  private previous: number[] | null = null;
  /** Per-bucket counts of each sampled minute, by the minute's start (ms). */
  private readonly minutes = new Map<number, number[]>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly metrics: MetricsService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.role === 'worker') return;
    this.sampleSafely();
    this.scheduleNext();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.timer);
  }

  /**
   * Count what was acknowledged since the last sample as the minute that just ended (the timer
   * fires on the minute; the first sample only sets the baseline).
   */
  async sample(): Promise<void> {
    const cumulative = await this.cumulativeCounts();
    const minute = Math.round(this.clock.now().getTime() / MINUTE_MS) * MINUTE_MS - MINUTE_MS;
    const previous = this.previous;
    this.previous = cumulative;
    if (!previous) return;
    // Cumulative differences since the last sample, then per bucket.
    const grown = cumulative.map((count, i) => count - previous[i]);
    const perBucket = grown.map((count, i) => count - (i === 0 ? 0 : grown[i - 1]));
    const kept = this.minutes.get(minute);
    this.minutes.set(minute, kept ? kept.map((count, i) => count + perBucket[i]) : perBucket);
    for (const start of this.minutes.keys()) {
      if (start <= minute - KEPT_MINUTES * MINUTE_MS) this.minutes.delete(start);
    }
  }

  /** Percentiles over the minutes sampled in [from, from + ms); null when none was. */
  latency(from: Date, ms: number): AckLatency {
    const start = from.getTime();
    let merged: number[] | null = null;
    for (const [minute, counts] of this.minutes) {
      if (minute < start || minute >= start + ms) continue;
      merged = merged ? merged.map((count, i) => count + counts[i]) : [...counts];
    }
    if (!merged) return { p50Ms: null, p99Ms: null };
    const inMs = (seconds: number | null) =>
      seconds === null ? null : Math.round(seconds * 1_000_000) / 1000;
    const bounds = MetricsService.ACK_BUCKETS;
    return {
      p50Ms: inMs(histogramQuantile(0.5, bounds, merged)),
      p99Ms: inMs(histogramQuantile(0.99, bounds, merged)),
    };
  }

  /** The histogram summed over endpoints: the cumulative count at each bound, +Inf last. */
  private async cumulativeCounts(): Promise<number[]> {
    const bounds = [...MetricsService.ACK_BUCKETS.map(String), '+Inf'];
    const counts = bounds.map(() => 0);
    for (const { labels, value, metricName } of await this.metrics.ackLatencyValues()) {
      // Bucket series carry `le` beside the histogram's own labels.
      const le = (labels as Record<string, string | number | undefined>).le;
      const at = metricName === BUCKET_SERIES ? bounds.indexOf(String(le)) : -1;
      if (at >= 0) counts[at] += value;
    }
    return counts;
  }

  private scheduleNext(): void {
    const now = this.clock.now().getTime();
    this.timer = setTimeout(
      () => {
        this.sampleSafely();
        this.scheduleNext();
      },
      MINUTE_MS - (now % MINUTE_MS),
    );
    this.timer.unref();
  }

  private sampleSafely(): void {
    this.sample().catch((error: Error) =>
      this.logger.warn(`Could not sample the acknowledgement latency: ${error.message}`),
    );
  }
}
