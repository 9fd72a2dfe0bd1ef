import type { IncomingWebhook, NormalizedEvent } from '../receivers/receiver';
import type { ReplyArrival } from '../store/inbox/arrival-plan';
import type { NewDelivery } from '../store/inbox/inbox.writer';
import type { ResolvedEndpoint } from './endpoint.registry';

/** Headers that carry credentials: never written to the store, whatever the provider. */
const NEVER_STORED = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

/**
 * The inbox row for a verified, normalized request. `secretHeaders` names every header any
 * receiver or endpoint treats as a secret (`EndpointRegistry.secretHeaders`), not only this
 * endpoint's: a GitLab token, or one endpoint's `token` header, sent to another endpoint is
 * still a secret. `reply`: the reply run to store with it, when a reply handler answers it.
 */
export function toNewDelivery(
  secretHeaders: ReadonlySet<string>,
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  event: NormalizedEvent,
  receivedAt: Date,
  reply?: ReplyArrival,
): NewDelivery {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || NEVER_STORED.has(name) || secretHeaders.has(name)) continue;
    headers[name] = value;
  }
  return {
    provider: endpoint.provider,
    endpoint: endpoint.id,
    type: event.type,
    providerDeliveryId: event.providerDeliveryId,
    occurredAt: event.occurredAt,
    receivedAt,
    contentType: req.contentType,
    headers,
    rawBody: event.storedBody ?? req.rawBody,
    reply,
  };
}
