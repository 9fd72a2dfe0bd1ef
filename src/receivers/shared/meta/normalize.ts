import type { IncomingWebhook, NormalizedEvent } from '../../receiver';
import { commonType } from '../batch';
import { metaDeliveryId } from './delivery-id';
import { metaEvents } from './events';
import { metaOccurredAt } from './time';

/**
 * One stored delivery per POST, however many entries Meta batched in it: `type` is
 * `<object>.<kind>` when every item has the same kind (`page.message`, `instagram.comments`,
 * `whatsapp_business_account.messages`), else `<object>.mixed`; handlers see each item through
 * `metaEvents(payload)`. The object is kept as Meta spells it, so the type is predictable from
 * the body alone.
 */
export function normalizeMeta(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const events = metaEvents(payload);
  const kind = commonType(events.map((event) => event.kind))!;
  const occurredAt = metaOccurredAt(events);
  return {
    type: `${events[0].object}.${kind}`,
    providerDeliveryId: metaDeliveryId(events),
    ...(occurredAt && { occurredAt }),
  };
}
