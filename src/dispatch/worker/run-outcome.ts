import { hasAttemptsLeft, retryDelayMs, type RetryPolicy } from './backoff';
import { withoutNul } from '../../store/nul-text';
import { PermanentFailure, RetryLater } from '../failures';
import type { RunOutcome } from '../../store/model';

const MAX_ERROR_LENGTH = 4000;
/** A stack in the attempt log: enough frames to find the line, bounded in the store. */
const MAX_STACK_LENGTH = 4096;

/** What an attempt decides for its run; the executor adds the attempt's log entry. */
export type OutcomeDecision = Omit<RunOutcome, 'logEntry'>;

/** Decide what a failed attempt means: retry later (when), or dead. Pure, for tests. */
export function failureOutcome(
  base: Pick<RunOutcome, 'runId' | 'deliveryId' | 'attempt'>,
  error: unknown,
  policy: RetryPolicy,
  now: Date,
  random: () => number = Math.random,
): OutcomeDecision {
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
  return bounded(text, MAX_ERROR_LENGTH);
}

/**
 * The attempt log's view of an error: its name and message, bounded like describeError, and
 * its stack apart (null for a thrown value that is not an Error), bounded to a few KB.
 */
export function attemptError(error: unknown): { error: string; stack: string | null } {
  const message =
    error instanceof Error ? `${error.name}: ${error.message}` : `Thrown value: ${String(error)}`;
  const stack =
    error instanceof Error && error.stack ? bounded(error.stack, MAX_STACK_LENGTH) : null;
  return { error: bounded(message, MAX_ERROR_LENGTH), stack };
}

function bounded(text: string, max: number): string {
  return withoutNul(text.length > max ? `${text.slice(0, max)}…` : text);
}
