import { PermanentFailure } from '../failures';
import { attemptError, describeError, failureOutcome } from './run-outcome';

const policy = { maxAttempts: 3, initialDelayMs: 1000, maxDelayMs: 60_000 };
const base = { runId: 'r1', deliveryId: 'd1', attempt: 1 };

describe('failureOutcome', () => {
  it('schedules a retry while attempts are left, dead after the last one', () => {
    const now = new Date('2026-11-28T00:00:00Z');
    const retry = failureOutcome(base, new Error('boom'), policy, now, () => 0.5);
    expect(retry.status).toBe('failed');
    expect(retry.nextAttemptAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(failureOutcome({ ...base, attempt: 3 }, new Error('boom'), policy, now).status).toBe(
      'dead',
    );
    expect(failureOutcome(base, new PermanentFailure('no'), policy, now).status).toBe('dead');
  });
});

describe('describeError', () => {
  it('replaces NULs, which not every store can hold in text', () => {
    const text = describeError(new Error('bad\u0000byte'));
    expect(text).toContain('bad\uFFFDbyte');
    expect(text).not.toContain('\u0000');
  });

  it('bounds the length', () => {
    expect(describeError('x'.repeat(10_000))).toHaveLength(4001);
  });
});

describe('attemptError', () => {
  it('keeps the name and message apart from the stack', () => {
    const error = new TypeError('bad input');
    expect(attemptError(error)).toEqual({ error: 'TypeError: bad input', stack: error.stack });
  });

  it('has no stack for a thrown value that is not an Error', () => {
    expect(attemptError('plain')).toEqual({ error: 'Thrown value: plain', stack: null });
  });

  it('bounds the stack to a few KB and replaces NULs', () => {
    const error = new Error('deep\u0000');
    error.stack = `Error: deep\n${'    at frame\n'.repeat(2000)}`;
    const { error: message, stack } = attemptError(error);
    expect(message).toBe('Error: deep\uFFFD');
    expect(stack!.length).toBe(4097);
    expect(stack!.endsWith('…')).toBe(true);
  });
});
