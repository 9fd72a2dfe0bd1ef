import type { AckLatency } from '../observability/ack-latency-sampler';
import type { BucketCount } from '../store/dashboard/store-activity';
import { ATTEMPT_OUTCOMES } from '../store/model';
import { DELIVERY_STATUSES } from './deliveries.dto';
import type { StatsBucketView } from './stats.dto';

/** The buckets of a window: `count` of `seconds` each, the last one holding `now`. */
export function bucketStarts(now: Date, seconds: number, count: number): Date[] {
  const ms = seconds * 1000;
  const last = Math.floor(now.getTime() / ms) * ms;
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * ms));
}

/**
 * The chart's buckets: every delivery status and attempt outcome in each (0 when none), the
 * store's counts put in the bucket they name, and the sampled latency of each bucket's stretch.
 */
export function statsBuckets(
  starts: readonly Date[],
  seconds: number,
  deliveries: readonly BucketCount[],
  attempts: readonly BucketCount[],
  latency: (from: Date, ms: number) => AckLatency,
): StatsBucketView[] {
  const buckets = starts.map((at) => {
    const { p50Ms, p99Ms } = latency(at, seconds * 1000);
    return {
      at: at.toISOString(),
      deliveries: Object.fromEntries(['accepted', ...DELIVERY_STATUSES].map((key) => [key, 0])),
      runs: Object.fromEntries(ATTEMPT_OUTCOMES.map((key) => [key, 0])),
      ackLatencyP50Ms: p50Ms,
      ackLatencyP99Ms: p99Ms,
    };
  });
  const index = new Map(starts.map((at, i) => [at.getTime() / 1000, buckets[i]]));
  for (const { at, key, count } of deliveries) {
    const bucket = index.get(at);
    if (!bucket) continue;
    bucket.deliveries.accepted += count;
    bucket.deliveries[key] = (bucket.deliveries[key] ?? 0) + count;
  }
  for (const { at, key, count } of attempts) {
    const bucket = index.get(at);
    if (bucket) bucket.runs[key] = (bucket.runs[key] ?? 0) + count;
  }
  return buckets;
}
