import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { commonType } from '../shared/batch';
import { stringAt } from '../shared/body';

interface GocardlessEvent {
  readonly id: string;
  readonly kind: string;
}

/**
 * One GoCardless webhook carries a batch: `{ events: [{ id, resource_type, action, … }] }`
 * (gocardless/gocardless-nodejs `src/webhooks.ts`, `src/fixtures/webhook_body.json`).
 * - `type` is `<resource_type>.<action>` (`payments.confirmed`) when every event of the batch is
 *   of that one kind, else `mixed` (shared/batch.ts).
 * - The de-duplication key is the event id for a batch of one, else `events:` + SHA-256 of the
 *   event ids: a retry resends the same events, and the ids of a large batch would not fit.
 */
export function normalizeGocardlessWebhook(
  _req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  const events = readEvents(payload);
  const ids = events.map((event) => event.id);
  return {
    type: commonType(events.map((event) => event.kind))!,
    providerDeliveryId:
      ids.length === 1
        ? ids[0]
        : `events:${createHash('sha256').update(ids.join(',')).digest('hex')}`,
  };
}

function readEvents(payload: unknown): GocardlessEvent[] {
  const events = (payload as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new MalformedBodyError('the body has no "events"');
  }
  return events.map((event: unknown, index) => {
    const id = stringAt(event, 'id');
    const resourceType = stringAt(event, 'resource_type');
    const action = stringAt(event, 'action');
    if (!id || !resourceType || !action) {
      throw new MalformedBodyError(`events[${index}] lacks an id, resource_type or action`);
    }
    return { id, kind: `${resourceType}.${action}` };
  });
}
