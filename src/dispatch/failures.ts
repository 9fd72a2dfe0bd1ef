/**
 * What a handler may throw to steer its retries. Any other error is retried with backoff.
 */

/** Do not retry: the run is dead at once (e.g. a forward target answered 410 Gone). */
export class PermanentFailure extends Error {
  override name = 'PermanentFailure';
}

/** Retry no sooner than `delayMs` from now (e.g. an HTTP Retry-After). */
export class RetryLater extends Error {
  override name = 'RetryLater';
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}
