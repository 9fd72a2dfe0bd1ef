import { createParser } from 'eventsource-parser';
import type { LiveEvent } from '../../store/store-events';
import { CliError } from '../io';
import { answerError, unreachable, type AdminClient } from './admin-client';

/** Waits between reconnections: short at first, bounded when the gateway stays away. */
const RECONNECT_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

export interface StreamHandlers {
  onEvent(event: LiveEvent): void;
  /** The stream dropped after it had been open; it reconnects after `delayMs`. */
  onReconnecting(delayMs: number, reason: string): void;
}

/**
 * Follow `GET /admin/events` until `signal` aborts, reconnecting when the stream drops. The
 * first connection must succeed (a wrong URL or token is one line at once); later drops are a
 * gateway restarting, worth waiting for.
 */
export async function followEvents(
  client: AdminClient,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  let connectedOnce = false;
  let failures = 0;
  while (!signal.aborted) {
    try {
      await readStream(client, handlers, signal, () => {
        connectedOnce = true;
        failures = 0;
      });
      if (signal.aborted) return;
      failures += 1;
      await reconnectAfter(handlers, failures, 'the gateway closed the stream', signal);
    } catch (error) {
      if (signal.aborted) return;
      if (!connectedOnce || !isConnectionError(error)) throw error;
      failures += 1;
      await reconnectAfter(handlers, failures, (error as Error).message, signal);
    }
  }
}

async function readStream(
  client: AdminClient,
  handlers: StreamHandlers,
  signal: AbortSignal,
  opened: () => void,
): Promise<void> {
  const url = client.url('/admin/events');
  let res: Response;
  try {
    res = await fetch(url, {
      headers: { authorization: client.authorization, accept: 'text/event-stream' },
      signal,
    });
  } catch (error) {
    if (signal.aborted) return;
    throw new ConnectionError(unreachable(client.baseUrl, error).message);
  }
  if (!res.ok || !res.body) throw answerError(res.status, await res.text());
  opened();
  const parser = createParser({
    onEvent: (message) => handlers.onEvent(JSON.parse(message.data) as LiveEvent),
  });
  const decoder = new TextDecoder();
  try {
    for await (const chunk of res.body) parser.feed(decoder.decode(chunk, { stream: true }));
  } catch (error) {
    if (signal.aborted) return;
    throw new ConnectionError(`the stream broke: ${(error as Error).message}`);
  }
}

/** The gateway could not be reached, or the stream broke: worth reconnecting once it was open. */
class ConnectionError extends CliError {}

function isConnectionError(error: unknown): boolean {
  return error instanceof ConnectionError;
}

async function reconnectAfter(
  handlers: StreamHandlers,
  failures: number,
  reason: string,
  signal: AbortSignal,
): Promise<void> {
  const delayMs = RECONNECT_DELAYS_MS[Math.min(failures, RECONNECT_DELAYS_MS.length) - 1];
  handlers.onReconnecting(delayMs, reason);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, delayMs);
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });
}
