import { parseStoredPayload } from '../receivers/stored-payload';
import type { Receiver } from '../receivers/receiver';
import type { DeliveryRecord } from '../store/model';
import type { WebhookEvent } from './webhook-event';

/**
 * The handler's view of a stored delivery, for attempt number `attempt`; `replying` when its
 * return value is the answer to the provider (a reply run).
 */
export function buildWebhookEvent(
  delivery: DeliveryRecord,
  receiver: Receiver<unknown> | undefined,
  attempt: number,
  signal: AbortSignal,
  replying = false,
): WebhookEvent {
  return {
    id: delivery.id,
    provider: delivery.provider,
    endpoint: delivery.endpoint,
    type: delivery.type,
    providerDeliveryId: delivery.providerDeliveryId ?? undefined,
    occurredAt: delivery.occurredAt ?? undefined,
    receivedAt: delivery.receivedAt,
    payload: parseStoredPayload(receiver, delivery),
    headers: delivery.headers,
    rawBody: delivery.rawBody ?? Buffer.alloc(0),
    attempt,
    signal,
    replying,
  };
}
