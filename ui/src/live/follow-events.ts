import { EventSourceParserStream } from 'eventsource-parser/stream';
import { ApiError, type AdminClient } from '../api/client';
import type { LiveEvent } from '../api/types';

/** `live`: the event stream is open; `polling`: it is not, and pages poll instead. */
export type LiveState = 'connecting' | 'live' | 'polling';

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 30_000;

/**
 * Follow `GET /admin/events`. EventSource cannot send the Authorization header, so the stream
 * is read with fetch and parsed with eventsource-parser. When it fails or ends, the state turns
 * to `polling` and it is opened again after a growing delay. Returns a stop function.
 */
export function followEvents(
  client: AdminClient,
  onEvent: (event: LiveEvent) => void,
  onState: (state: LiveState) => void,
): () => void {
  const controller = new AbortController();
  const run = async () => {
    let delay = FIRST_RETRY_MS;
    while (!controller.signal.aborted) {
      try {
        const res = await client.stream('/events', controller.signal);
        if (!res.body) throw new Error('no stream body');
        onState('live');
        delay = FIRST_RETRY_MS;
        await readEvents(res.body, onEvent);
      } catch (error) {
        // A refused token signs the user out (the client does); nothing left to follow.
        if (error instanceof ApiError && error.status === 401) return;
      }
      if (controller.signal.aborted) return;
      onState('polling');
      await pause(delay, controller.signal);
      delay = Math.min(delay * 2, LAST_RETRY_MS);
    }
  };
  void run();
  return () => controller.abort();
}

async function readEvents(
  body: ReadableStream<BufferSource>,
  onEvent: (event: LiveEvent) => void,
): Promise<void> {
  const reader = body
    .pipeThrough(new TextDecoderStream())
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    try {
      onEvent(JSON.parse(value.data) as LiveEvent);
    } catch {
      // One unreadable event is skipped; the next poll or refresh covers what it said.
    }
  }
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
