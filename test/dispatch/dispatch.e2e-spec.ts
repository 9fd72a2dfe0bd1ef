import { Injectable, Logger } from '@nestjs/common';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { RunQueueBase } from '../../src/store/run-queue-base';
import { RunQueue } from '../../src/store/run-queue';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { githubHeaders, postGithub } from '../helpers/github';
import { sample } from '../helpers/metrics';
import {
  auth,
  deliveryDetail,
  planningByWorkersOnly,
  waitForDeliveryStatus,
  waitForRun,
} from '../helpers/dispatch';
import {
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
  waitFor,
} from '../helpers/test-app';

const SECRET = 'github-test-secret';

/** Records what the handlers saw; tests steer failures through `failuresLeft`. */
class Calls {
  steady: WebhookEvent[] = [];
  flaky: WebhookEvent[] = [];
  failuresLeft = 0;
  alwaysFailing = 0;
}
const calls = new Calls();

@Injectable()
class TestHandlers {
  @OnWebhook('github', 'push')
  async steady(event: WebhookEvent<{ ref: string }>) {
    calls.steady.push(event);
  }

  @OnWebhook('github', 'push', { name: 'flaky' })
  async flaky(event: WebhookEvent) {
    calls.flaky.push(event);
    if (calls.failuresLeft > 0) {
      calls.failuresLeft--;
      throw new Error(`flaky failure, ${calls.failuresLeft} left`);
    }
  }

  @OnWebhook('github', 'issues.*', { name: 'doomed' })
  async doomed() {
    calls.alwaysFailing++;
    throw new TypeError('this handler always fails');
  }
}

const retry = { maxAttempts: 3, initialDelayMs: 60_000, maxDelayMs: 3_600_000 };

describe('dispatch', () => {
  let t: TestApp;
  const clock = new ManualClock();
  let seq = 0;

  async function send(event: string, payload: object): Promise<string> {
    const body = JSON.stringify(payload);
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, event, `d-${++seq}`),
      body,
    );
    expect(res.status).toBe(200);
    return res.body.id;
  }

  beforeAll(async () => {
    t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20, retry } }), {
      clock,
      providers: [TestHandlers],
    });
  });
  afterAll(() => t.close());
  beforeEach(() => {
    calls.steady = [];
    calls.flaky = [];
    calls.failuresLeft = 0;
    calls.alwaysFailing = 0;
  });

  it('gives each handler the parsed event with its attempt number', async () => {
    const id = await send('push', { ref: 'refs/heads/main' });
    await waitForDeliveryStatus(t, id, 'succeeded');
    expect(calls.steady).toHaveLength(1);
    expect(calls.steady[0]).toMatchObject({
      id,
      provider: 'github',
      endpoint: 'acme',
      type: 'push',
      providerDeliveryId: `d-${seq}`,
      payload: { ref: 'refs/heads/main' },
      attempt: 1,
    });
    expect(calls.steady[0].rawBody.toString()).toBe('{"ref":"refs/heads/main"}');
    expect(calls.steady[0].headers['x-github-event']).toBe('push');
    const detail = await deliveryDetail(t, id);
    expect(detail.runs.map((r) => [r.handler, r.status, r.attempts]).sort()).toEqual([
      ['TestHandlers.steady', 'succeeded', 1],
      ['flaky', 'succeeded', 1],
    ]);
  });

  it('retries a failing handler with backoff while its succeeding sibling ran once', async () => {
    calls.failuresLeft = 2;
    const id = await send('push', { ref: 'refs/heads/retry' });
    const first = await waitForRun(
      t,
      id,
      'flaky',
      (r) => r.status === 'failed' && r.attempts === 1,
    );
    expect(first.lastError).toContain('flaky failure, 1 left');
    // Full jitter: the next attempt is somewhere in [now, now + initialDelay).
    const due = new Date(first.nextAttemptAt!).getTime();
    expect(due).toBeGreaterThanOrEqual(clock.now().getTime());
    expect(due).toBeLessThan(clock.now().getTime() + retry.initialDelayMs);
    expect((await deliveryDetail(t, id)).status).toBe('failed');

    clock.advance(retry.initialDelayMs);
    const second = await waitForRun(
      t,
      id,
      'flaky',
      (r) => r.attempts === 2 && r.status === 'failed',
    );
    expect(new Date(second.nextAttemptAt!).getTime()).toBeLessThan(
      clock.now().getTime() + 2 * retry.initialDelayMs,
    );

    clock.advance(2 * retry.initialDelayMs);
    await waitForDeliveryStatus(t, id, 'succeeded');
    expect(calls.flaky.map((e) => e.attempt)).toEqual([1, 2, 3]);
    expect(calls.flaky.every((e) => e.id === id)).toBe(true);
    expect(calls.steady.filter((e) => e.id === id)).toHaveLength(1);
  });

  it('dead-letters a run after maxAttempts, keeping its last error', async () => {
    const id = await send('issues', { action: 'opened' });
    for (let attempt = 1; attempt < retry.maxAttempts; attempt++) {
      await waitForRun(t, id, 'doomed', (r) => r.attempts === attempt && r.status === 'failed');
      clock.advance(retry.maxDelayMs);
    }
    const dead = await waitForRun(t, id, 'doomed', (r) => r.status === 'dead');
    expect(dead.attempts).toBe(retry.maxAttempts);
    expect(dead.lastError).toMatch(/TypeError: this handler always fails\n\s+at /);
    expect(dead.nextAttemptAt).toBeNull();
    expect((await deliveryDetail(t, id)).status).toBe('dead');
    clock.advance(retry.maxDelayMs);
    await new Promise((r) => setTimeout(r, 200));
    expect(calls.alwaysFailing).toBe(retry.maxAttempts);
    const list = await t.http().get('/admin/deliveries?status=dead').set(auth);
    expect(list.body.items.map((d: { id: string }) => d.id)).toContain(id);
  });

  it('replays a delivery: every handler, or one by name, from attempt 1', async () => {
    const id = await send('push', { ref: 'refs/heads/replay' });
    await waitForDeliveryStatus(t, id, 'succeeded');
    expect((await t.http().post(`/admin/deliveries/${id}/replay`).set(auth)).status).toBe(202);
    await waitFor(
      () =>
        calls.steady.filter((e) => e.id === id).length === 2 &&
        calls.flaky.filter((e) => e.id === id).length === 2,
    );
    await waitForDeliveryStatus(t, id, 'succeeded');

    const one = await t.http().post(`/admin/deliveries/${id}/replay?handler=flaky`).set(auth);
    expect(one.status).toBe(202);
    expect(one.body.handlers).toEqual(['flaky']);
    await waitFor(() => calls.flaky.filter((e) => e.id === id).length === 3);
    await waitForDeliveryStatus(t, id, 'succeeded');
    expect(calls.steady.filter((e) => e.id === id)).toHaveLength(2);
    expect(calls.flaky.filter((e) => e.id === id).map((e) => e.attempt)).toEqual([1, 1, 1]);

    expect(
      (await t.http().post(`/admin/deliveries/${id}/replay?handler=nope`).set(auth)).status,
    ).toBe(409);
    expect(
      (
        await t
          .http()
          .post(`/admin/deliveries/01a21f19-faab-70ef-9e94-4b061231f001/replay`)
          .set(auth)
      ).status,
    ).toBe(404);
    expect((await t.http().post(`/admin/deliveries/${id}/replay`)).status).toBe(401);
  });

  it('retries a dead run on request, and bulk-replays dead runs after counting them', async () => {
    const ids = [
      await send('issues', { action: 'closed' }),
      await send('issues', { action: 'edited' }),
    ];
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      for (const id of ids)
        await waitForRun(
          t,
          id,
          'doomed',
          (r) => r.attempts === attempt && r.status !== 'processing',
        );
      clock.advance(retry.maxDelayMs);
    }
    for (const id of ids) await waitForRun(t, id, 'doomed', (r) => r.status === 'dead');

    const retried = await t.http().post(`/admin/deliveries/${ids[0]}/runs/doomed/retry`).set(auth);
    expect(retried.status).toBe(202);
    await waitForRun(t, ids[0], 'doomed', (r) => r.attempts === 1 && r.status === 'failed');
    expect(
      (await t.http().post(`/admin/deliveries/${ids[1]}/runs/nope/retry`).set(auth)).status,
    ).toBe(404);

    const filter = { handler: 'doomed', type: 'issues.edited' };
    const count = await t.http().post('/admin/runs/replay').set(auth).send(filter);
    expect(count.status).toBe(200);
    expect(count.body).toEqual({ dryRun: true, matched: 1, replayed: 0 });
    expect((await deliveryDetail(t, ids[1])).runs.find((r) => r.handler === 'doomed')!.status).toBe(
      'dead',
    );

    const done = await t
      .http()
      .post('/admin/runs/replay')
      .set(auth)
      .send({ ...filter, dryRun: false });
    expect(done.body).toEqual({ dryRun: false, matched: 1, replayed: 1 });
    await waitForRun(t, ids[1], 'doomed', (r) => r.attempts === 1 && r.status === 'failed');
    expect(
      (
        await t
          .http()
          .post('/admin/runs/replay')
          .set(auth)
          .send({ statuses: ['succeeded'] })
      ).status,
    ).toBe(400);
    expect(
      (await t.http().post('/admin/runs/replay').set(auth).send({ receivedAfter: 'yesterday' }))
        .status,
    ).toBe(400);
  });
});

describe('dispatch concurrency', () => {
  it('never runs more than dispatch.concurrency handlers at once', async () => {
    let running = 0;
    let peak = 0;
    let done = 0;
    @Injectable()
    class Slow {
      @OnWebhook('github', '*')
      async handle() {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 50));
        running--;
        done++;
      }
    }
    const t = await createTestApp(
      testConfig({ dispatch: { concurrency: 2, pollIntervalMs: 20 } }),
      { providers: [Slow] },
    );
    try {
      await Promise.all(
        Array.from({ length: 8 }, (_, i) => {
          const body = JSON.stringify({ i });
          return postRaw(
            t,
            '/webhooks/github/acme',
            githubHeaders(SECRET, body, 'push', `c-${i}`),
            body,
          );
        }),
      );
      await waitFor(() => done === 8);
      expect(peak).toBe(2);
    } finally {
      await t.close();
    }
  });
});

/** A handler class that records the ref of each push it runs in `handled`. */
function refRecorder(handled: string[]) {
  @Injectable()
  class Recorder {
    @OnWebhook('github', 'push')
    async handle(event: WebhookEvent<{ ref: string }>) {
      handled.push(event.payload.ref);
    }
  }
  return Recorder;
}

describe('planning signals', () => {
  // What another process's inbox stored: this worker plans it.
  let restore: () => void;
  beforeEach(() => (restore = planningByWorkersOnly()));
  afterEach(() => restore());

  it('plans a delivery committed after a planning read was sent without waiting for the poll', async () => {
    const handled: string[] = [];
    const Recorder = refRecorder(handled);
    // The poll would find what a lost signal left behind, but only after a minute.
    const t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 60_000 } }), {
      providers: [Recorder],
    });
    const post = async (ref: string): Promise<number> => {
      const body = JSON.stringify({ ref });
      const headers = githubHeaders(SECRET, body, 'push', ref);
      return (await postRaw(t, '/webhooks/github/acme', headers, body)).status;
    };
    try {
      const runs = t.app.get(RunQueue);
      const planPending = runs.planPending.bind(runs);
      let armed = true;
      let late = Promise.resolve(0);
      jest.spyOn(runs, 'planPending').mockImplementation(async (limit, handlersFor, read) => {
        if (!armed) return planPending(limit, handlersFor, read);
        armed = false;
        // Another delivery arrives once this planning's read has been sent (on PostgreSQL it
        // can commit while the planning transaction is open) and is signalled before it ends.
        const planned = await planPending(limit, handlersFor, () => {
          read?.();
          late = post('late');
        });
        expect(await late).toBe(200);
        return planned;
      });
      expect(await post('first')).toBe(200);
      await waitFor(() => handled.includes('late'), 5_000);
      expect(handled.sort()).toEqual(['first', 'late']);
    } finally {
      await t.close();
    }
  });
});

describe('the worker loop', () => {
  it('turns without errors while idle, busy and idle again', async () => {
    // Errors are logged, not thrown: a failing turn only shows as a log line and a backoff.
    const errors = jest.spyOn(Logger.prototype, 'error');
    const handled: string[] = [];
    const Recorder = refRecorder(handled);
    const t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20 } }), {
      providers: [Recorder],
    });
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      await pause(200); // idle turns: nothing to plan, record or claim
      for (const ref of ['a', 'b', 'c']) {
        const body = JSON.stringify({ ref });
        const headers = githubHeaders(SECRET, body, 'push', `loop-${ref}`);
        expect((await postRaw(t, '/webhooks/github/acme', headers, body)).status).toBe(200);
      }
      await waitFor(() => handled.length === 3, 5_000, 'the three runs');
      await pause(200); // idle again, after recording their outcomes
      expect(errors.mock.calls).toEqual([]);
      expect(handled.sort()).toEqual(['a', 'b', 'c']);
    } finally {
      errors.mockRestore();
      await t.close();
    }
  });
});

describe('the worker loop when planning fails', () => {
  let restore: () => void;
  beforeEach(() => (restore = planningByWorkersOnly()));
  afterEach(() => restore());

  // (Jest's sandbox does not deliver process 'unhandledRejection' events, so the rejection the
  // worker must not leave unhandled while its turn runs is guarded in the code, not here.)
  it('logs it, backs off and plans again while the turns go on', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    // The first three plannings fail, from the worker's first iteration on: installed before
    // the app starts, so no planning that began earlier can plan the delivery behind their back.
    const planPending = RunQueueBase.prototype.planPending;
    let failures = 3;
    const failing = jest.spyOn(RunQueueBase.prototype, 'planPending').mockImplementation(function (
      this: RunQueueBase,
      ...args
    ) {
      return failures-- > 0
        ? Promise.reject(new Error('connection refused'))
        : planPending.apply(this, args);
    });
    const handled: string[] = [];
    const Recorder = refRecorder(handled);
    const t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20 } }), {
      providers: [Recorder],
    });
    try {
      const body = JSON.stringify({ ref: 'after' });
      const headers = githubHeaders(SECRET, body, 'push', 'planning-fails');
      expect((await postRaw(t, '/webhooks/github/acme', headers, body)).status).toBe(200);
      await waitFor(() => handled.includes('after'), 10_000, 'the run after planning recovered');
      const logged = errors.mock.calls.map(([message]) => String(message));
      expect(logged.filter((line) => line === 'Dispatch loop: connection refused')).toHaveLength(3);
    } finally {
      errors.mockRestore();
      failing.mockRestore();
      await t.close();
    }
  });
});

describe('claiming ahead (dispatch.prefetch)', () => {
  // Runs of deliveries another process stored, which this worker claims (its own inbox leases
  // within the same bounds on arrival: arrival-dispatch.e2e-spec.ts).
  let restore: () => void;
  beforeEach(() => (restore = planningByWorkersOnly()));
  afterEach(() => restore());

  /**
   * Posts `count` pushes to an app whose handler takes `handlerMs`, and returns the largest
   * number of runs one worker turn asked the store for, and the most handlers seen at once.
   */
  async function drain(prefetch: number, handlerMs: number, count: number) {
    let running = 0;
    let peak = 0;
    let done = 0;
    @Injectable()
    class Timed {
      @OnWebhook('github', '*')
      async handle() {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, handlerMs));
        running--;
        done++;
      }
    }
    const t = await createTestApp(
      testConfig({ dispatch: { concurrency: 2, prefetch, pollIntervalMs: 20 } }),
      { providers: [Timed] },
    );
    const claims: number[] = [];
    const runs = t.app.get(RunQueue);
    const recordAndClaim = runs.recordAndClaim.bind(runs);
    jest.spyOn(runs, 'recordAndClaim').mockImplementation((outcomes, limit, owner, leaseMs) => {
      claims.push(limit);
      return recordAndClaim(outcomes, limit, owner, leaseMs);
    });
    try {
      for (let i = 0; i < count; i++) {
        const body = JSON.stringify({ i });
        await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, 'push'), body);
      }
      await waitFor(() => done === count, 20_000);
      return { largestClaim: Math.max(...claims), peak };
    } finally {
      await t.close();
    }
  }

  it('claims beyond the free slots while handlers are fast, still running at most concurrency', async () => {
    const { largestClaim, peak } = await drain(16, 0, 60);
    expect(largestClaim).toBeGreaterThan(2);
    expect(largestClaim).toBeLessThanOrEqual(2 + 16);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('claims only free slots when prefetch is 0', async () => {
    const { largestClaim, peak } = await drain(0, 0, 30);
    expect(largestClaim).toBeLessThanOrEqual(2);
    expect(peak).toBeLessThanOrEqual(2);
  });

  it('does not claim ahead for slow handlers (their runs stay free for other processes)', async () => {
    // 2 slots × 100 ms ÷ 250 ms per run < 1 run ahead.
    const { largestClaim, peak } = await drain(16, 250, 6);
    expect(largestClaim).toBeLessThanOrEqual(2);
    expect(peak).toBe(2);
  });

  it('gives back a claimed run that waited too long for its lease to cover an attempt, instead of starting it', async () => {
    // lease 600 ms, timeout 300 ms: a claimed run may wait at most (600 - 300) / 2 = 150 ms.
    const starts = new Map<string, number>();
    @Injectable()
    class HangsUnlessFast {
      @OnWebhook('github', '*')
      async handle(event: WebhookEvent<{ ref: string }>) {
        starts.set(event.id, (starts.get(event.id) ?? 0) + 1);
        if (event.payload.ref !== 'fast') await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const t = await createTestApp(
      testConfig({
        dispatch: {
          concurrency: 1,
          prefetch: 8,
          timeoutMs: 300,
          leaseMs: 600,
          pollIntervalMs: 20,
          retry: { maxAttempts: 1 },
        },
      }),
      { providers: [HangsUnlessFast] },
    );
    const released: string[] = [];
    const runs = t.app.get(RunQueue);
    const release = runs.release.bind(runs);
    jest.spyOn(runs, 'release').mockImplementation((ids, owner) => {
      released.push(...ids);
      return release(ids, owner);
    });
    const post = async (ref: string) =>
      (await postGithub(t, SECRET, JSON.stringify({ ref }), 'push')).body.id as string;
    try {
      // A fast run first: until the worker has timed one, it claims nothing ahead.
      await waitForDeliveryStatus(t, await post('fast'), 'succeeded');
      const hanging = [await post('a'), await post('b'), await post('c')];
      for (const id of hanging) await waitForDeliveryStatus(t, id, 'dead');
      // Each timed out once; none ran a second time beside (or after) its first attempt.
      expect(hanging.map((id) => starts.get(id))).toEqual([1, 1, 1]);
      expect(released.length).toBeGreaterThan(0);
      for (const id of hanging)
        expect((await deliveryDetail(t, id)).runs).toEqual([
          expect.objectContaining({ status: 'dead', attempts: 1 }),
        ]);
    } finally {
      await t.close();
    }
  });

  it('exports the runs it holds (running, waiting, unrecorded) and its claim-ahead allowance', async () => {
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let openRecordGate!: () => void;
    const recordGate = new Promise<void>((resolve) => (openRecordGate = resolve));
    let done = 0;
    @Injectable()
    class Gated {
      @OnWebhook('github', '*')
      async handle(event: WebhookEvent<{ ref: string }>) {
        if (event.payload.ref !== 'fast') await gate;
        done++;
      }
    }
    const t = await createTestApp(
      testConfig({ dispatch: { concurrency: 2, prefetch: 16, pollIntervalMs: 20 } }),
      { providers: [Gated] },
    );
    const held = async () => {
      const text = (await t.http().get('/metrics')).text;
      return {
        running: sample(text, 'hookgate_dispatch_runs_held', { state: 'running' }),
        waiting: sample(text, 'hookgate_dispatch_runs_held', { state: 'waiting' }),
        unrecorded: sample(text, 'hookgate_dispatch_runs_held', { state: 'unrecorded' }),
        allowance: sample(text, 'hookgate_dispatch_claim_ahead_allowance'),
      };
    };
    try {
      // Nothing timed yet: nothing held, nothing claimed ahead.
      expect(await held()).toEqual({ running: 0, waiting: 0, unrecorded: 0, allowance: 0 });
      const post = (ref: string) => postGithub(t, SECRET, JSON.stringify({ ref }), 'push');
      for (let i = 0; i < 3; i++) await post('fast');
      await waitFor(() => done === 3, 10_000);
      // Fast runs timed: the full prefetch may be claimed ahead.
      await waitFor(async () => (await held()).allowance === 16, 10_000);
      for (let i = 0; i < 10; i++) await post(`gated-${i}`);
      // Two run (concurrency), the other eight were claimed ahead and wait for a slot.
      await waitFor(async () => (await held()).waiting === 8, 10_000);
      expect(await held()).toEqual({ running: 2, waiting: 8, unrecorded: 0, allowance: 16 });
      // Hold the store's write of outcomes: finished runs stay unrecorded, counted whether
      // they wait for the next turn or sit in the turn that is writing them.
      const runs = t.app.get(RunQueue);
      const recordAndClaim = runs.recordAndClaim.bind(runs);
      jest.spyOn(runs, 'recordAndClaim').mockImplementation(async (outcomes, ...rest) => {
        if (outcomes.length > 0) await recordGate;
        return recordAndClaim(outcomes, ...rest);
      });
      openGate();
      await waitFor(() => done === 13, 10_000);
      await waitFor(async () => (await held()).unrecorded === 10, 10_000);
      expect(await held()).toMatchObject({ running: 0, waiting: 0, unrecorded: 10 });
      openRecordGate();
      await waitFor(async () => (await held()).unrecorded === 0, 10_000);
      expect(await held()).toMatchObject({ running: 0, waiting: 0, unrecorded: 0 });
    } finally {
      openGate();
      openRecordGate();
      await t.close();
    }
  });

  it('exports no dispatch series from an edge-only process', async () => {
    const t = await createTestApp(testConfig({ dispatch: { enabled: false } }));
    try {
      const text = (await t.http().get('/metrics')).text;
      expect(text).toContain('hookgate_deliveries_received_total');
      expect(text).not.toContain('hookgate_dispatch_runs_held');
      expect(text).not.toContain('hookgate_dispatch_claim_ahead_allowance');
    } finally {
      await t.close();
    }
  });
});

describe('handler discovery', () => {
  it.each([
    [
      'an unknown provider',
      'myspace',
      '*',
      {},
      /Webhook handler Bad\.handle: unknown provider "myspace"/,
    ],
    [
      'a malformed pattern',
      'github',
      'pull_request*',
      {},
      /Webhook handler Bad\.handle: malformed type pattern "pull_request\*"/,
    ],
    [
      'an unknown endpoint',
      'github',
      '*',
      { endpoint: 'nope' },
      /Webhook handler Bad\.handle: no github endpoint "nope"/,
    ],
    [
      'a duplicate name',
      'github',
      '*',
      { name: 'flaky' },
      /Two webhook handlers are named "flaky" \((Bad\.handle and TestHandlers\.flaky|TestHandlers\.flaky and Bad\.handle)\)/,
    ],
  ])(
    'stops start-up for %s, naming the handler',
    async (_case, provider, pattern, options, message) => {
      @Injectable()
      class Bad {
        @OnWebhook(provider, pattern, options)
        handle() {}
      }
      await expect(createTestApp(testConfig(), { providers: [Bad, TestHandlers] })).rejects.toThrow(
        message,
      );
    },
  );

  it('honours the endpoint filter', async () => {
    const seen: string[] = [];
    @Injectable()
    class OnlyOther {
      @OnWebhook('github', '*', { endpoint: 'other' })
      handle(event: WebhookEvent) {
        seen.push(event.endpoint);
      }
    }
    const t = await createTestApp(
      testConfig({
        dispatch: { pollIntervalMs: 20 },
        endpoints: [
          { provider: 'github', id: 'acme', secrets: [SECRET] },
          { provider: 'github', id: 'other', secrets: [SECRET] },
        ],
      }),
      { providers: [OnlyOther] },
    );
    try {
      for (const endpoint of ['acme', 'other', 'acme']) {
        const body = JSON.stringify({ endpoint });
        await postRaw(t, `/webhooks/github/${endpoint}`, githubHeaders(SECRET, body, 'push'), body);
      }
      await waitFor(() => seen.length === 1);
      await new Promise((r) => setTimeout(r, 200));
      expect(seen).toEqual(['other']);
    } finally {
      await t.close();
    }
  });
});
