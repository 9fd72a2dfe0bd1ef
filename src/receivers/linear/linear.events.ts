import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';
import { missingField, readField } from '../shared/hmac/fields';

/**
 * Linear's payload names the entity and what happened to it: `{ type: "Issue", action:
 * "create", … }` (linear/linear `packages/sdk/src/webhooks/client.ts` routes on `type`). The
 * event type is `Issue.create`; the delivery id is the `Linear-Delivery` header, when sent.
 */
export function eventWithActionBody(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'type');
  if (!type) throw missingField({ path: 'type' });
  const action = stringAt(payload, 'action');
  const providerDeliveryId = readField(req, payload, { header: 'Linear-Delivery' });
  const createdAt = stringAt(payload, 'createdAt');
  const occurredAt = createdAt ? new Date(createdAt) : undefined;
  return {
    type: action ? `${type}.${action}` : type,
    ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    ...(occurredAt && !Number.isNaN(occurredAt.getTime()) && { occurredAt }),
  };
}
