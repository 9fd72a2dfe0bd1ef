import type { HookgateConfig } from '../config/config.schema';
import { AckLatencySampler } from './ack-latency-sampler';
import { MetricsService } from './metrics.service';

const BOUNDS = [...MetricsService.ACK_BUCKETS.map(String), '+Inf'];

/** A histogram as prom-client reports it: cumulative counts per `le`, per endpoint. */
class FakeHistogram {
  /** Observations by endpoint, each in seconds. */
  readonly observed = new Map<string, number[]>();

  observe(endpoint: string, seconds: number): void {
    this.observed.set(endpoint, [...(this.observed.get(endpoint) ?? []), seconds]);
  }

  async ackLatencyValues() {
    return [...this.observed].flatMap(([endpoint, seconds]) => [
      ...BOUNDS.map((le) => ({
        metricName: 'hookgate_ack_duration_seconds_bucket',
        labels: { provider: 'github', endpoint, le },
        value: seconds.filter((s) => le === '+Inf' || s <= Number(le)).length,
      })),
      { metricName: 'hookgate_ack_duration_seconds_count', labels: { endpoint }, value: 99 },
    ]);
  }
}

describe('AckLatencySampler', () => {
  let now = new Date('2026-12-01T10:00:30Z');
  const clock = { now: () => now };
  const at = (iso: string) => new Date(iso);
  let histogram: FakeHistogram;
  let sampler: AckLatencySampler;

  beforeEach(async () => {
    now = at('2026-12-01T10:00:30Z');
    histogram = new FakeHistogram();
    const config = { role: 'all' } as HookgateConfig;
    sampler = new AckLatencySampler(histogram as unknown as MetricsService, config, clock);
    await sampler.sample(); // the baseline, as at start-up
  });

  it('counts what was acknowledged between samples as the minute that ended, over endpoints', async () => {
    histogram.observe('a', 0.003);
    histogram.observe('b', 0.003);
    histogram.observe('a', 0.2);
    now = at('2026-12-01T10:01:00.020Z');
    await sampler.sample();
    const minute = sampler.latency(at('2026-12-01T10:00:00Z'), 60_000);
    // Two of three in (2.5 ms, 5 ms]: the median interpolates inside that bucket.
    expect(minute.p50Ms).toBeCloseTo(2.5 + 2.5 * (1.5 / 2), 6);
    expect(minute.p99Ms).toBeGreaterThan(100);
    expect(minute.p99Ms).toBeLessThanOrEqual(250);
  });

  it('gives null for minutes not sampled, and for a sampled minute without acknowledgements', async () => {
    now = at('2026-12-01T10:01:00Z');
    await sampler.sample();
    expect(sampler.latency(at('2026-12-01T10:00:00Z'), 60_000)).toEqual({
      p50Ms: null,
      p99Ms: null,
    });
    expect(sampler.latency(at('2026-12-01T09:00:00Z'), 60_000)).toEqual({
      p50Ms: null,
      p99Ms: null,
    });
  });

  it('merges the minutes of a longer bucket, and forgets minutes older than a day', async () => {
    histogram.observe('a', 0.0005);
    now = at('2026-12-01T10:01:00Z');
    await sampler.sample();
    histogram.observe('a', 0.0005);
    now = at('2026-12-01T10:02:00Z');
    await sampler.sample();
    const quarter = sampler.latency(at('2026-12-01T10:00:00Z'), 900_000);
    expect(quarter.p50Ms).toBeCloseTo(0.5, 6);

    now = at('2026-12-02T10:01:00Z'); // records 10:00 of the next day
    await sampler.sample();
    expect(sampler.latency(at('2026-12-01T10:00:00Z'), 60_000).p50Ms).toBeNull();
    expect(sampler.latency(at('2026-12-01T10:01:00Z'), 60_000).p50Ms).not.toBeNull();
  });

  it('does not sample in a process without the webhook edge', () => {
    const worker = new AckLatencySampler(
      histogram as unknown as MetricsService,
      { role: 'worker' } as HookgateConfig,
      clock,
    );
    const sample = jest.spyOn(worker, 'sample');
    worker.onApplicationBootstrap();
    expect(sample).not.toHaveBeenCalled();
    worker.onApplicationShutdown();
  });
});
