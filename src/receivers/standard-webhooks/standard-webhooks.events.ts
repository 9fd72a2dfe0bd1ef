import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';
import { readStandardWebhookHeaders } from './standard-webhooks.headers';

/**
 * `type` is the body's `type` (the spec's dotted event name, `contact.created`); the delivery
 * id is `webhook-id` (or `svix-id`), which the spec keeps the same across retries. The body's
 * `timestamp` is when the event happened, so it becomes `occurredAt` when it is a valid date.
 */
export function normalizeStandardWebhook(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'type');
  if (!type) throw new MalformedBodyError('the body has no string "type" field (the event type)');
  return {
    type,
    providerDeliveryId: readStandardWebhookHeaders(req.headers).id || undefined,
    occurredAt: validDate(stringAt(payload, 'timestamp')),
  };
}

function validDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
