import type { IncomingWebhook, NormalizedEvent } from '../receivers/receiver';
import type { NewDelivery } from '../store/inbox/inbox.writer';
import type { ReceiverRegistry } from '../config/tokens';
import type { ResolvedEndpoint } from './endpoint.registry';

const secretHeadersCache = new WeakMap<ReceiverRegistry, ReadonlySet<string>>();

function allSecretHeaders(receivers: ReceiverRegistry): ReadonlySet<string> {
  let headers = secretHeadersCache.get(receivers);
  if (!headers) {
    headers = new Set(receivers.flatMap((r) => r.secretHeaders ?? []));
    secretHeadersCache.set(receivers, headers);
  }
  return headers;
}

/** Headers that carry credentials: never written to the store, whatever the provider. */
const NEVER_STORED = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

/** The inbox row for a verified, normalized request. */
export function toNewDelivery(
  receivers: ReceiverRegistry,
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  event: NormalizedEvent,
  receivedAt: Date,
): NewDelivery {
  // Every receiver's secret headers, not only this endpoint's: a GitLab token sent to a GitHub
  // endpoint is still a secret.
  const secretHeaders = allSecretHeaders(receivers);
  // Only providers whose secret header is an option (`token`) name one per endpoint.
  const ownSecretHeaders = endpoint.receiver.secretHeadersFor
    ? new Set(endpoint.receiver.secretHeadersFor(endpoint.options).map((h) => h.toLowerCase()))
    : undefined;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (
      value === undefined ||
      NEVER_STORED.has(name) ||
      secretHeaders.has(name) ||
      ownSecretHeaders?.has(name)
    )
      continue;
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
    rawBody: req.rawBody,
  };
}
