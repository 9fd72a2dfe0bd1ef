import { Injectable } from '@nestjs/common';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { PermanentFailure } from '../../src/dispatch/failures';
import { githubHeaders } from '../helpers/github';
import { auth, waitForDeliveryStatus, waitForRun } from '../helpers/dispatch';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';
const retry = { maxAttempts: 3, initialDelayMs: 60_000, maxDelayMs: 3_600_000 };
const TIMEOUT_MS = 150;

let failuresLeft = 0;

@Injectable()
class Handlers {
  @OnWebhook('github', 'push', { name: 'flaky' })
  flaky() {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error(`flaky failure, ${failuresLeft} left`);
    }
  }

  @OnWebhook('github', 'issues.opened', { name: 'refuses' })
  refuses() {
    throw new PermanentFailure('not for us');
  }

  @OnWebhook('github', 'issues.closed', { name: 'hangs' })
  hangs() {
    return new Promise<never>(() => undefined);
  }
}

interface Attempt {
  attempt: number;
  startedAt: string;
  durationMs: number;
  outcome: string;
  error: string | null;
  stack: string | null;
}
interface Run {
  handler: string;
  status: string;
  lastError: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  lastErrorStack: string | null;
  attemptLog: Attempt[];
}

describe('the attempt log', () => {
  let t: TestApp;
  const clock = new ManualClock();
  let seq = 0;

  async function send(event: string, payload: object): Promise<string> {
    const body = JSON.stringify(payload);
    const headers = githubHeaders(SECRET, body, event, `attempts-${++seq}`);
    const res = await postRaw(t, '/webhooks/github/acme', headers, body);
    expect(res.status).toBe(200);
    return res.body.id;
  }

  async function run(id: string, handler: string): Promise<Run> {
    const res = await t.http().get(`/admin/deliveries/${id}`).set(auth);
    expect(res.status).toBe(200);
    return (res.body.runs as Run[]).find((r) => r.handler === handler)!;
  }

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ dispatch: { pollIntervalMs: 20, retry, timeoutMs: TIMEOUT_MS } }),
      { clock, providers: [Handlers] },
    );
  });
  afterAll(() => t.close());

  it('keeps every attempt of a run that failed twice and then succeeded', async () => {
    failuresLeft = 2;
    const id = await send('push', { ref: 'refs/heads/main' });
    for (const attempt of [1, 2]) {
      await waitForRun(t, id, 'flaky', (r) => r.status === 'failed' && r.attempts === attempt);
      clock.advance(retry.maxDelayMs);
    }
    await waitForDeliveryStatus(t, id, 'succeeded');

    const flaky = await run(id, 'flaky');
    expect(flaky.attemptLog.map((a) => [a.attempt, a.outcome, a.error])).toEqual([
      [1, 'failed', 'Error: flaky failure, 1 left'],
      [2, 'failed', 'Error: flaky failure, 0 left'],
      [3, 'succeeded', null],
    ]);
    for (const attempt of flaky.attemptLog) {
      expect(attempt.durationMs).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(attempt.durationMs)).toBe(true);
    }
    // Each attempt started when the clock said so: the clock moved on between them.
    const starts = flaky.attemptLog.map((a) => Date.parse(a.startedAt));
    expect(starts[1] - starts[0]).toBe(retry.maxDelayMs);
    expect(starts[2] - starts[1]).toBe(retry.maxDelayMs);
    expect(flaky.attemptLog[0].stack).toMatch(/^Error: flaky failure, 1 left\n\s+at /);
    expect(flaky.attemptLog[2].stack).toBeNull();
    // The run's timings are its last attempt's; a success leaves no error and no stack.
    const last = flaky.attemptLog[2];
    expect(flaky).toMatchObject({
      status: 'succeeded',
      lastError: null,
      lastErrorStack: null,
      startedAt: last.startedAt,
      durationMs: last.durationMs,
      finishedAt: new Date(Date.parse(last.startedAt) + last.durationMs).toISOString(),
    });
  });

  it('records a dead run with the stack of its last error', async () => {
    const id = await send('issues', { action: 'opened' });
    await waitForDeliveryStatus(t, id, 'dead');
    const refuses = await run(id, 'refuses');
    expect(refuses.attemptLog).toEqual([
      expect.objectContaining({
        attempt: 1,
        outcome: 'dead',
        error: 'PermanentFailure: not for us',
      }),
    ]);
    expect(refuses.lastErrorStack).toBe(refuses.attemptLog[0].stack);
    expect(refuses.lastErrorStack).toMatch(/^PermanentFailure: not for us\n\s+at /);
  });

  it('records an attempt that outlived dispatch.timeoutMs as timed_out', async () => {
    const id = await send('issues', { action: 'closed' });
    const hangs = await waitForRun(t, id, 'hangs', (r) => r.status === 'failed');
    expect(hangs.lastError).toContain(`hangs timed out after ${TIMEOUT_MS} ms`);
    const [attempt] = (await run(id, 'hangs')).attemptLog;
    expect(attempt).toMatchObject({
      attempt: 1,
      outcome: 'timed_out',
      error: `DeadlineExceeded: hangs timed out after ${TIMEOUT_MS} ms`,
    });
    expect(attempt.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
  });

  it('keeps the earlier attempts when the delivery is replayed', async () => {
    const id = await send('push', { ref: 'refs/heads/replayed' });
    await waitForDeliveryStatus(t, id, 'succeeded');
    clock.advance(1000);
    const replay = await t.http().post(`/admin/deliveries/${id}/replay`).set(auth);
    expect(replay.status).toBe(202);
    const replayed = await waitForRun(
      t,
      id,
      'flaky',
      (r) => r.status === 'succeeded' && (r as unknown as Run).attemptLog.length === 2,
    );
    const log = (replayed as unknown as Run).attemptLog;
    expect(log.map((a) => [a.attempt, a.outcome])).toEqual([
      [1, 'succeeded'],
      [1, 'succeeded'],
    ]);
    expect(Date.parse(log[1].startedAt) - Date.parse(log[0].startedAt)).toBe(1000);
  });
});
