import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { isoInstant } from '../shared/code/fields';
import { missingField, readPath } from '../shared/hmac/fields';

/** When each record kind happened (postmarkapp.com/developer/webhooks/*-webhook samples). */
const TIME_FIELDS = ['DeliveredAt', 'BouncedAt', 'ReceivedAt', 'ChangedAt'] as const;

/**
 * A Postmark outbound webhook record: `RecordType` is the type (`Delivery`, `Bounce`,
 * `SpamComplaint`, `Open`, `Click`, `SubscriptionChange`). Postmark sends no delivery id, and one
 * message has many records of a kind (an Open per open, a Click per click), so the id is
 * `RecordType:MessageID:<its time>`: a retry resends the same record, so it repeats.
 */
export function normalizePostmarkRecord(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = readPath(payload, 'RecordType');
  if (!type) throw missingField({ path: 'RecordType' });
  const messageId = readPath(payload, 'MessageID');
  const at = TIME_FIELDS.map((field) => readPath(payload, field)).find(Boolean);
  const occurredAt = isoInstant(at);
  return {
    type,
    ...(messageId && { providerDeliveryId: [type, messageId, at ?? ''].join(':') }),
    ...(occurredAt && { occurredAt }),
  };
}
