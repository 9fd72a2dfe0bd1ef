import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { missingField, readPath } from '../shared/hmac/fields';

/**
 * A Chargebee event (apidocs.chargebee.com/docs/api/events, the Event object): `event_type`
 * (`subscription_created`), `id` (`ev_…`, the same on every retry of the event: Chargebee's
 * webhook guide asks receivers to be idempotent on it) and `occurred_at` in Unix seconds.
 */
export function normalizeChargebeeEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = readPath(payload, 'event_type');
  if (!type) throw missingField({ path: 'event_type' });
  const providerDeliveryId = readPath(payload, 'id');
  const seconds = Number(readPath(payload, 'occurred_at'));
  const occurredAt = Number.isSafeInteger(seconds) ? new Date(seconds * 1000) : undefined;
  return {
    type,
    ...(providerDeliveryId && { providerDeliveryId }),
    ...(occurredAt && { occurredAt }),
  };
}
