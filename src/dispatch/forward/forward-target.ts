import type { WebhookEvent } from '../webhook-event';

/** Where a forward sends a delivery: an HTTP URL or a broker. */
export interface ForwardTarget {
  /**
   * Send one delivery. Resolves only once the target acknowledged it (a 2xx, JetStream's
   * PubAck, the AMQP confirm, the XADD reply); throws otherwise, so the run is retried.
   */
  send(event: WebhookEvent): Promise<void>;
}

/**
 * `work` bounded by the target's own timeout and the run's signal (which aborts when the
 * run's time runs out or the gateway shuts down). A broker's acknowledgement has no request to
 * abort: this stops the wait, and the run is retried.
 */
export function withinTimeout<T>(
  work: Promise<T>,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let onAbort: (() => void) | undefined;
  // The work's own rejection is handled by the race; after a timeout nobody waits for it.
  work.catch(() => undefined);
  const stopped = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no acknowledgement within ${timeoutMs} ms`)),
      timeoutMs,
    );
    onAbort = () => reject(new Error('the run was cancelled before the acknowledgement'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return Promise.race([work, stopped]).finally(() => {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort!);
  });
}
