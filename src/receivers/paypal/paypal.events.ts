import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/**
 * `type` is the body's `event_type` (`PAYMENT.CAPTURE.COMPLETED`); the delivery id is the body's
 * `id` (`WH-…`), which stays the same across PayPal's retries, while PAYPAL-TRANSMISSION-ID
 * changes with each attempt. `occurredAt` is `create_time`.
 */
export function normalizePaypalEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'event_type');
  if (!type) throw new MalformedBodyError('the PayPal event has no "event_type"');
  const created = stringAt(payload, 'create_time');
  const occurredAt = created ? new Date(created) : undefined;
  return {
    type,
    providerDeliveryId: stringAt(payload, 'id') || undefined,
    occurredAt: occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt : undefined,
  };
}
