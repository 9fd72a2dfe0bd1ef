import type { NormalizedEvent, WebhookResponse } from '../receivers/receiver';
import type { StoredDelivery } from '../store/inbox/inbox.writer';
import type { ResolvedEndpoint } from './endpoint.registry';

/**
 * The answer once the delivery is committed: the receiver's own (told the normalized event), or
 * `{ id, duplicate }`.
 */
export function acknowledgeStage(
  endpoint: ResolvedEndpoint,
  stored: StoredDelivery,
  event: NormalizedEvent,
): WebhookResponse {
  return (
    endpoint.receiver.acknowledge?.(stored, event) ?? {
      status: 200,
      body: { id: stored.id, duplicate: stored.duplicate },
    }
  );
}
