import { hasAttemptsLeft, retryDelayMs, type RetryPolicy } from './backoff';
import { withoutNul } from '../../store/nul-text';
import { PermanentFailure, RetryLater } from '../failures';
import type { RunOutcome } from '../../store/model';

const MAX_ERROR_LENGTH = 4000;

/** Decide what a failed attempt means: retry later (when), or dead. Pure, for tests. */
export function failureOutcome(
  base: Pick<RunOutcome, 'runId' | 'deliveryId' | 'attempt'>,
  error: unknown,
  policy: RetryPolicy,
  now: Date,
  random: () => number = Math.random,
): RunOutcome {
  const text = describeError(error);
  if (error instanceof PermanentFailure || !hasAttemptsLeft(base.attempt, policy)) {
    return { ...base, status: 'dead', error: text };
  }
  const delay =
    error instanceof RetryLater
      ? Math.min(Math.max(error.delayMs, 0), policy.maxDelayMs)
      : retryDelayMs(base.attempt, policy, random);
  return { ...base, status: 'failed', nextAttemptAt: new Date(now.getTime() + delay), error: text };
}

/**
 * Message and stack, truncated: enough to debug from the admin API, bounded in the store. NULs
 * are replaced: not every store's text can hold them, and a failing write of the outcome would make
 * the run repeat at every lease expiry.
 */
export function describeError(error: unknown): string {
  const text =
    error instanceof Error
      ? (error.stack ?? `${error.name}: ${error.message}`)
      : `Thrown value: ${String(error)}`;
  const bounded = text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH)}…` : text;
  return withoutNul(bounded);
}
