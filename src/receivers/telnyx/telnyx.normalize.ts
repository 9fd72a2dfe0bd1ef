import { MalformedBodyError } from '../../errors/webhook-errors';
import { stringAt } from '../shared/body';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { bodyDigest } from '../shared/digests';

/**
 * Telnyx wraps an event as `{ data: { id, event_type, occurred_at, payload, record_type },
 * meta: { attempt, delivered_to } }` (telnyx-node `src/resources/webhooks.ts`; "Receiving
 * webhooks", https://developers.telnyx.com/docs/messaging/messages/receiving-webhooks). `data.id`
 * identifies the event across attempts (`meta.attempt` counts them). A few callbacks (link
 * clicks) are flat objects with a `record_type` and no id: typed by it, keyed by the body's hash.
 */
export function normalizeTelnyx(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'data', 'event_type');
  if (type) {
    const id = stringAt(payload, 'data', 'id');
    const occurredAt = isoDate(stringAt(payload, 'data', 'occurred_at'));
    return {
      type,
      ...(id && { providerDeliveryId: id }),
      ...(occurredAt && { occurredAt }),
    };
  }
  const flat = stringAt(payload, 'event_type') ?? stringAt(payload, 'record_type');
  if (!flat) throw new MalformedBodyError('the body has no "data.event_type"');
  return {
    type: flat,
    providerDeliveryId: bodyDigest(req.rawBody),
  };
}

function isoDate(value: string | undefined): Date | undefined {
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
