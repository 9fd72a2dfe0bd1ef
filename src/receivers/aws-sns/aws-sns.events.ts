import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { snsStoredBody } from './aws-sns.stored-body';

/**
 * SNS's own message types, as stored: `notification`, `unsubscribe_confirmation` (a
 * SubscriptionConfirmation is a handshake and never stored). The published content (and any
 * `Subject`) stays in the payload: SNS carries anything, so its inner type is the consumer's.
 */
const TYPES: Readonly<Record<string, string>> = {
  Notification: 'notification',
  UnsubscribeConfirmation: 'unsubscribe_confirmation',
};

/**
 * Type from `Type`, delivery id `MessageId` (kept by SNS across retries), time `Timestamp`; the
 * stored body from snsStoredBody (an UnsubscribeConfirmation's Token and SubscribeURL removed).
 */
export function normalizeSnsMessage(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const message = payload as Record<string, unknown>;
  const type = TYPES[String(message.Type)];
  if (!type)
    throw new MalformedBodyError(`SNS message Type "${String(message.Type)}" is not stored`);
  const occurredAt = new Date(String(message.Timestamp));
  return {
    type,
    providerDeliveryId: String(message.MessageId),
    occurredAt: Number.isNaN(occurredAt.getTime()) ? undefined : occurredAt,
    storedBody: snsStoredBody(message),
  };
}
