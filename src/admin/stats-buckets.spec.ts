import { bucketStarts, statsBuckets } from './stats-buckets';

describe('bucketStarts', () => {
  it('ends with the bucket that holds now, aligned to the bucket size', () => {
    const starts = bucketStarts(new Date('2026-12-01T10:14:59.999Z'), 900, 3);
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-12-01T09:30:00.000Z',
      '2026-12-01T09:45:00.000Z',
      '2026-12-01T10:00:00.000Z',
    ]);
  });
});

describe('statsBuckets', () => {
  const starts = bucketStarts(new Date('2026-12-01T10:01:30Z'), 60, 2);
  const at = (iso: string) => Date.parse(iso) / 1000;

  it('puts each count in the bucket it names, with zeros for the rest', () => {
    const buckets = statsBuckets(
      starts,
      60,
      [
        { at: at('2026-12-01T10:00:00Z'), key: 'succeeded', count: 3 },
        { at: at('2026-12-01T10:00:00Z'), key: 'dead', count: 1 },
        { at: at('2026-12-01T09:00:00Z'), key: 'dead', count: 5 }, // outside the window
      ],
      [{ at: at('2026-12-01T10:01:00Z'), key: 'timed_out', count: 2 }],
      (from) => ({ p50Ms: from.getUTCMinutes() === 1 ? 1.5 : null, p99Ms: null }),
    );
    expect(buckets).toEqual([
      {
        at: '2026-12-01T10:00:00.000Z',
        deliveries: { accepted: 4, pending: 0, processing: 0, succeeded: 3, failed: 0, dead: 1 },
        runs: { succeeded: 0, failed: 0, dead: 0, timed_out: 0 },
        ackLatencyP50Ms: null,
        ackLatencyP99Ms: null,
      },
      {
        at: '2026-12-01T10:01:00.000Z',
        deliveries: { accepted: 0, pending: 0, processing: 0, succeeded: 0, failed: 0, dead: 0 },
        runs: { succeeded: 0, failed: 0, dead: 0, timed_out: 2 },
        ackLatencyP50Ms: 1.5,
        ackLatencyP99Ms: null,
      },
    ]);
  });
});
