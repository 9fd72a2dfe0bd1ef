import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/**
 * Calendly's webhook body is `{ event, created_at, created_by, payload }` with no delivery id
 * (developer.calendly.com, "Webhook payload"). An event kind happens once per resource (an
 * invitee is created once, canceled once), so `<event> <payload.uri>` names one occurrence and
 * a retry of it; without a `payload.uri` there is no id and nothing is de-duplicated.
 */
export function normalizeCalendlyEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'event');
  if (!type) throw new MalformedBodyError('the body has no string "event" field (the event type)');
  const uri = stringAt(payload, 'payload', 'uri');
  const createdAt = stringAt(payload, 'created_at');
  const occurredAt = createdAt ? new Date(createdAt) : undefined;
  return {
    type,
    ...(uri && { providerDeliveryId: `${type} ${uri}` }),
    ...(occurredAt && !Number.isNaN(occurredAt.getTime()) && { occurredAt }),
  };
}
