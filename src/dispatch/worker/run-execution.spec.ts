import type { WebhookEvent } from '../webhook-event';
import { PermanentFailure, RetryLater } from '../failures';
import type { ClaimedRun } from '../../store/model';
import { executeRun, type RunExecutionDeps } from './run-execution';

const NOW = new Date('2030-01-01T00:00:00Z');
const RETRY = { maxAttempts: 3, initialDelayMs: 1000, maxDelayMs: 60_000 };

function claimedRun(attempt: number, handler = 'h'): ClaimedRun {
  return {
    run: { id: 'r1', deliveryId: 'd1', handler, attempts: attempt },
    delivery: {
      id: 'd1',
      provider: 'github',
      endpoint: 'main',
      type: 'push',
      rawBody: Buffer.from('{}'),
      headers: {},
      contentType: 'application/json',
    },
  } as unknown as ClaimedRun;
}

function fakes(invoke: (event: WebhookEvent) => Promise<unknown>, timeoutMs = 1000) {
  const deps = {
    handlers: { get: (name: string) => (name === 'h' ? { invoke } : undefined) },
    endpoints: { receiver: () => undefined },
    metrics: { run: jest.fn() },
    clock: { now: () => NOW },
    claimAhead: { record: jest.fn() },
    logger: { warn: jest.fn(), error: jest.fn() },
    config: { retry: RETRY, timeoutMs },
  };
  return deps as typeof deps & RunExecutionDeps;
}

const never = () => new Promise<never>(() => undefined);

describe('executeRun', () => {
  type Handler = (event: WebhookEvent) => Promise<unknown>;
  const ok: Handler = async () => 'ok';
  function throws(error: unknown): Handler {
    return () => Promise.reject(error);
  }
  const NOT_REGISTERED = 'No handler named "other" is registered in this process.';
  // prettier-ignore
  it.each<[string, number, string, Handler, string, string | null]>([
    // case, attempt, handler name, handler, status, reason logged
    ['succeeds',                    1, 'h',     ok,                                   'succeeded', null],
    ['throws with attempts left',   1, 'h',     throws(new Error('boom')),            'failed',    'boom'],
    ['throws at its last attempt',  3, 'h',     throws(new Error('boom')),            'dead',      'boom'],
    ['throws PermanentFailure',     1, 'h',     throws(new PermanentFailure('gone')), 'dead',      'gone'],
    ['is not registered here',      1, 'other', ok,                                   'failed',    NOT_REGISTERED],
    ['throws what is not an Error', 1, 'h',     throws('plain'),                      'failed',    'plain'],
  ])('a handler that %s', async (_case, attempt, name, invoke, status, reason) => {
    const deps = fakes(invoke);
    const outcome = await executeRun(claimedRun(attempt, name), new AbortController(), deps);
    expect(outcome).toMatchObject({ runId: 'r1', deliveryId: 'd1', attempt, status });
    expect(outcome.logEntry).toMatchObject({ startedAt: NOW, outcome: status });
    expect(outcome.logEntry.durationMs).toBeGreaterThanOrEqual(0);
    expect(outcome.logEntry.error === null).toBe(reason === null);
    expect(deps.metrics.run).toHaveBeenCalledWith(name, status, expect.any(Number));
    expect(deps.claimAhead.record).toHaveBeenCalledWith(expect.any(Number), 2);
    if (reason === null) {
      expect(deps.logger.warn).not.toHaveBeenCalled();
      expect(deps.logger.error).not.toHaveBeenCalled();
      return;
    }
    if (status === 'dead') {
      // A dead run is an error, naming its handler and delivery.
      expect(deps.logger.warn).not.toHaveBeenCalled();
      expect(deps.logger.error).toHaveBeenCalledWith(
        expect.objectContaining({ deliveryId: 'd1', handler: name, attempt, next: 'dead' }),
        `Run dead: ${name} gave up on delivery d1 after attempt ${attempt}: ${reason}`,
      );
      return;
    }
    const next = `retry at ${outcome.nextAttemptAt!.toISOString()}`;
    expect(deps.logger.error).not.toHaveBeenCalled();
    expect(deps.logger.warn).toHaveBeenCalledWith(
      expect.objectContaining({ deliveryId: 'd1', handler: name, attempt, next }),
      `Run failed (${next}): ${reason}`,
    );
  });

  it('retries no sooner than a RetryLater asks', async () => {
    const deps = fakes(() => Promise.reject(new RetryLater('later', 5000)));
    const outcome = await executeRun(claimedRun(1), new AbortController(), deps);
    expect(outcome.status).toBe('failed');
    expect(outcome.nextAttemptAt).toEqual(new Date(NOW.getTime() + 5000));
  });

  it('fails a handler that outlives the timeout and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const deps = fakes((event) => {
      signal = event.signal;
      return never();
    }, 20);
    const outcome = await executeRun(claimedRun(1), new AbortController(), deps);
    expect(outcome.status).toBe('failed');
    expect(outcome.error).toContain('h timed out after 20 ms');
    expect(outcome.logEntry).toMatchObject({
      outcome: 'timed_out',
      error: 'DeadlineExceeded: h timed out after 20 ms',
    });
    expect(outcome.logEntry.durationMs).toBeGreaterThanOrEqual(15);
    expect(signal?.aborted).toBe(true);
  });

  it('hands the handler the signal the worker aborts at shutdown', async () => {
    const controller = new AbortController();
    let signal: AbortSignal | undefined;
    const running = executeRun(
      claimedRun(2),
      controller,
      fakes(async (event) => {
        signal = event.signal;
        expect(event.attempt).toBe(2);
      }),
    );
    await running;
    expect(signal).toBe(controller.signal);
  });

  describe('a reply attempt', () => {
    it('tells the handler it is replying and hands its return value to accept', async () => {
      const accepted: unknown[] = [];
      let replying: boolean | undefined;
      const deps = fakes(async (event) => {
        replying = event.replying;
        return { text: 'hi' };
      });
      const reply = {
        timeoutMs: 500,
        deadlineMs: 500,
        accept: (value: unknown) => accepted.push(value),
      };
      const outcome = await executeRun(claimedRun(1), new AbortController(), deps, reply);
      expect([outcome.status, replying, accepted]).toEqual(['succeeded', true, [{ text: 'hi' }]]);
    });

    it('fails when accept refuses the value, and logs why', async () => {
      const deps = fakes(ok);
      const reply = {
        timeoutMs: 500,
        deadlineMs: 500,
        accept: () => {
          throw new Error('Slack cannot read a number');
        },
      };
      const outcome = await executeRun(claimedRun(1), new AbortController(), deps, reply);
      expect(outcome.status).toBe('failed');
      expect(outcome.error).toContain('Slack cannot read a number');
      expect(deps.logger.warn).toHaveBeenCalled();
    });

    it('fails at its own deadline, not the dispatch timeout, and never accepts a late value', async () => {
      const accept = jest.fn();
      let signal: AbortSignal | undefined;
      const deps = fakes((event) => {
        signal = event.signal;
        return new Promise((resolve) => setTimeout(resolve, 200, 'late'));
      }, 60_000);
      const outcome = await executeRun(claimedRun(1), new AbortController(), deps, {
        timeoutMs: 20,
        deadlineMs: 2500,
        accept,
      });
      expect(outcome.error).toContain("h did not reply within 2500 ms of the request's arrival");
      expect(signal?.aborted).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 250));
      expect(accept).not.toHaveBeenCalled();
    });

    it('does not start the handler when no time is left', async () => {
      const invoke = jest.fn(ok);
      const outcome = await executeRun(claimedRun(1), new AbortController(), fakes(invoke), {
        timeoutMs: -5,
        deadlineMs: 2500,
        accept: jest.fn(),
      });
      expect(outcome.status).toBe('failed');
      expect(invoke).not.toHaveBeenCalled();
    });
  });

  it('tells an ordinary run it is not replying', async () => {
    let replying: boolean | undefined;
    await executeRun(
      claimedRun(1),
      new AbortController(),
      fakes(async (event) => {
        replying = event.replying;
      }),
    );
    expect(replying).toBe(false);
  });
});
