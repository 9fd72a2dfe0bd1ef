import { MalformedBodyError, WebhookError } from '../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receivers/receiver';
import type { ResolvedEndpoint } from './endpoint.registry';

/** Parse the verified body. Anything a receiver throws here is the sender's fault: 400. */
export function parseStage(endpoint: ResolvedEndpoint, req: IncomingWebhook): unknown {
  return asClientError(() => endpoint.receiver.parse(req));
}

/** Derive the envelope fields (type, provider delivery id, time). */
export function normalizeStage(
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  const event = asClientError(() =>
    endpoint.receiver.normalize(req, payload, { endpoint: endpoint.id, options: endpoint.options }),
  );
  if (!event.type) throw new MalformedBodyError('the event type could not be determined');
  return event;
}

function asClientError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof WebhookError) throw error;
    throw new MalformedBodyError((error as Error).message);
  }
}
