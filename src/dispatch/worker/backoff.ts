export interface RetryPolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * Delay before attempt `attempt + 1`, after `attempt` failed: exponential with full jitter
 * (a uniformly random delay up to initial × 2^(attempt-1), capped), so a burst of failures
 * does not come back as a burst of retries. `random` is injected for tests.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeilingMs(attempt, policy));
}

/** The upper bound of the jittered delay after `attempt` failures. */
export function backoffCeilingMs(attempt: number, policy: RetryPolicy): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 52);
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** exponent);
}

/** Whether a run that just failed its `attempt`-th try has attempts left. */
export function hasAttemptsLeft(attempt: number, policy: RetryPolicy): boolean {
  return attempt < policy.maxAttempts;
}
