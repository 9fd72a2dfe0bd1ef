import type { IncomingWebhook, NormalizedEvent } from '../receiver';

/** Zendesk event types all start with this (`zen:event-type:user.created`). */
export const EVENT_TYPE_PREFIX = 'zen:event-type:';
/** The type of a trigger or automation webhook, whose body the admin writes. */
export const TRIGGER_TYPE = 'trigger';

/**
 * Zendesk has two kinds of webhook (https://developer.zendesk.com/documentation/webhooks/anatomy-of-a-webhook-request/):
 * - subscribed to Zendesk events: a fixed JSON envelope `{ type, id, time, ... }`, type
 *   `zen:event-type:...`, kept as the event type;
 * - connected to a trigger or automation: a body the admin writes, with no fixed field, so the
 *   type is the fixed `trigger`, whatever the body holds (a body's own `type` field is only
 *   taken when it is a Zendesk event type).
 * The delivery id is `X-Zendesk-Webhook-Invocation-Id`, which every request carries and whose
 * retries are attempts of the same invocation; else an event's `id`.
 */
export function normalizeZendeskEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const body =
    payload !== null && typeof payload === 'object' && !Array.isArray(payload)
      ? (payload as Record<string, unknown>)
      : undefined;
  const eventType =
    typeof body?.type === 'string' &&
    body.type.startsWith(EVENT_TYPE_PREFIX) &&
    body.type.length > EVENT_TYPE_PREFIX.length
      ? body.type
      : undefined;
  const invocationId = req.headers['x-zendesk-webhook-invocation-id'] || undefined;
  const eventId = eventType && typeof body?.id === 'string' && body.id ? body.id : undefined;
  const providerDeliveryId = invocationId ?? eventId;
  const occurredAt = eventType ? isoDate(body?.time) : undefined;
  return {
    type: eventType ?? TRIGGER_TYPE,
    ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    ...(occurredAt !== undefined && { occurredAt }),
  };
}

function isoDate(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
