import { Injectable } from '@nestjs/common';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { AckLatencySampler } from '../../src/observability/ack-latency-sampler';
import { auth, waitForDeliveryStatus } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { storeOnlyApp, type StoreOnlyApp } from '../helpers/stored-deliveries';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';

@Injectable()
class Handlers {
  @OnWebhook('github', 'push', { name: 'ok' })
  ok() {}

  @OnWebhook('github', 'issues.*', { name: 'flaky' })
  flaky() {
    throw new Error('not yet');
  }
}

async function send(t: TestApp, event: string, payload: object): Promise<string> {
  const body = JSON.stringify(payload);
  const res = await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, event), body);
  expect(res.status).toBe(200);
  return res.body.id;
}

const NONE = { pending: 0, processing: 0, succeeded: 0, failed: 0, dead: 0 };
const NO_RUNS = { succeeded: 0, failed: 0, dead: 0, timed_out: 0 };

describe('admin API: GET /admin/stats', () => {
  let t: TestApp;
  const clock = new ManualClock(new Date('2026-12-01T10:00:30Z'));

  const stats = (query = '') => t.http().get(`/admin/stats${query}`).set(auth);
  interface Bucket {
    at: string;
    ackLatencyP50Ms: number | null;
    ackLatencyP99Ms: number | null;
  }
  const bucket = (body: { buckets: Bucket[] }, at: string): Bucket => {
    const found = body.buckets.find((b) => b.at === at);
    if (!found) throw new Error(`No bucket at ${at}`);
    return found;
  };

  beforeAll(async () => {
    const retry = { maxAttempts: 5, initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 };
    t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20, retry } }), {
      clock,
      providers: [Handlers],
    });
    await waitForDeliveryStatus(t, await send(t, 'push', { ref: 'main' }), 'succeeded');
    clock.set(new Date('2026-12-01T10:05:10Z'));
    await waitForDeliveryStatus(t, await send(t, 'issues', { action: 'opened' }), 'failed');
  });
  afterAll(() => t.close());

  it('counts deliveries by status and attempts by outcome per minute over the last hour', async () => {
    const res = await stats();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ window: '1h', bucketSeconds: 60 });
    const { buckets } = res.body;
    expect(buckets).toHaveLength(60);
    expect(buckets[0].at).toBe('2026-12-01T09:06:00.000Z');
    expect(buckets[59].at).toBe('2026-12-01T10:05:00.000Z');
    expect(bucket(res.body, '2026-12-01T10:00:00.000Z')).toMatchObject({
      deliveries: { ...NONE, accepted: 1, succeeded: 1 },
      runs: { ...NO_RUNS, succeeded: 1 },
    });
    expect(bucket(res.body, '2026-12-01T10:05:00.000Z')).toMatchObject({
      deliveries: { ...NONE, accepted: 1, failed: 1 },
      runs: { ...NO_RUNS, failed: 1 },
    });
    expect(bucket(res.body, '2026-12-01T10:01:00.000Z')).toMatchObject({
      deliveries: { ...NONE, accepted: 0 },
      runs: NO_RUNS,
    });
    // The failed run is due again in an hour: nothing is due now.
    expect(res.body.backlog).toEqual({ due: 0, oldestDueAt: null, unplanned: 0, dead: 0 });
  });

  it('counts per quarter hour over the last day', async () => {
    const res = await stats('?window=24h');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ window: '24h', bucketSeconds: 900 });
    expect(res.body.buckets).toHaveLength(96);
    expect(res.body.buckets[95]).toMatchObject({
      at: '2026-12-01T10:00:00.000Z',
      deliveries: { ...NONE, accepted: 2, succeeded: 1, failed: 1 },
      runs: { ...NO_RUNS, succeeded: 1, failed: 1 },
    });
  });

  it('gives the acknowledgement latency of the minutes sampled, null elsewhere', async () => {
    const before = (await stats()).body;
    expect(
      before.buckets.every((b: { ackLatencyP50Ms: unknown }) => b.ackLatencyP50Ms === null),
    ).toBe(true);
    // The sampler took its baseline at start-up; the next sample counts both acknowledgements
    // as the minute that just ended.
    clock.set(new Date('2026-12-01T10:06:00.050Z'));
    await t.app.get(AckLatencySampler).sample();
    const after = (await stats()).body;
    const sampled = bucket(after, '2026-12-01T10:05:00.000Z');
    expect(sampled.ackLatencyP50Ms).toBeGreaterThan(0);
    expect(sampled.ackLatencyP99Ms).toBeGreaterThanOrEqual(sampled.ackLatencyP50Ms!);
    expect(bucket(after, '2026-12-01T10:04:00.000Z')).toMatchObject({
      ackLatencyP50Ms: null,
      ackLatencyP99Ms: null,
    });
  });

  it.each([
    ['an unknown window', '?window=7d'],
    ['an unknown parameter', '?from=now'],
  ])('answers 400 for %s', async (_case, query) => {
    expect((await stats(query)).status).toBe(400);
  });

  it('401 without the admin token', async () => {
    expect((await t.http().get('/admin/stats')).status).toBe(401);
  });
});

describe('admin API: the backlog in GET /admin/stats', () => {
  let store: StoreOnlyApp;
  const clock = new ManualClock(new Date('2026-12-01T10:00:00Z'));

  beforeAll(async () => {
    store = await storeOnlyApp(clock);
  });
  afterAll(() => store.t.close());

  it('counts unplanned deliveries, then the due runs planning made and the oldest', async () => {
    await send(store.t, 'push', { ref: 'a' });
    clock.advance(5000);
    await send(store.t, 'push', { ref: 'b' });
    const backlog = async () => (await store.t.http().get('/admin/stats').set(auth)).body.backlog;
    expect(await backlog()).toEqual({ due: 0, oldestDueAt: null, unplanned: 2, dead: 0 });

    await store.runs.planPending(10, () => ['handler']);
    clock.advance(1000);
    expect(await backlog()).toEqual({
      due: 2,
      oldestDueAt: '2026-12-01T10:00:05.000Z',
      unplanned: 0,
      dead: 0,
    });
  });
});
