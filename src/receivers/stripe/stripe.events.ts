import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/**
 * `type` is the event's `type` (`payment_intent.succeeded`) and the delivery id its `id`
 * (`evt_...`), which Stripe keeps across retries. `created` is when the event happened: Unix
 * seconds on classic events, an ISO string on v2 thin events.
 */
export function normalizeStripeEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'type');
  const id = stringAt(payload, 'id');
  if (!type) throw new MalformedBodyError('the Stripe event has no string "type"');
  if (!id) throw new MalformedBodyError('the Stripe event has no string "id"');
  return { type, providerDeliveryId: id, occurredAt: createdAt(payload) };
}

function createdAt(payload: unknown): Date | undefined {
  const created = (payload as Record<string, unknown>).created;
  const date =
    typeof created === 'number' && Number.isInteger(created)
      ? new Date(created * 1000)
      : typeof created === 'string'
        ? new Date(created)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
