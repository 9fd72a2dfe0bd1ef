import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent, WebhookResponse } from '../receiver';
import { commonType } from '../shared/batch';
import { stringAt } from '../shared/body';

/**
 * LINE's console "Verify" button sends a signed body whose `events` array is empty (the fact
 * sheet's [unverified] item; line/line-openapi `webhook.yml` allows an empty array): answered
 * 200 once the signature is checked, never stored. See docs/providers.md#line.
 */
export function answerLineVerify(
  _req: IncomingWebhook,
  payload: unknown,
): WebhookResponse | undefined {
  const events = (payload as { events?: unknown }).events;
  return Array.isArray(events) && events.length === 0 ? { status: 200 } : undefined;
}

/**
 * One LINE webhook carries a batch: `{ destination, events: [{ type, webhookEventId, … }] }`
 * (line/line-bot-sdk-nodejs `lib/webhook/model/callbackRequest.ts`, `event.ts`; the id is a
 * ULID that "uniquely identifies a webhook event").
 * - `type` is the events' `type` (`message`, `follow`, `postback`) when they share one, else
 *   `mixed` (shared/batch.ts).
 * - The de-duplication key is the event's `webhookEventId` for a batch of one, else `events:` +
 *   SHA-256 of the ids: a redelivery (`deliveryContext.isRedelivery`) resends the same events.
 */
export function normalizeLineWebhook(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const events = (payload as { events?: unknown }).events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new MalformedBodyError('the body has no "events"');
  }
  const read = events.map((event: unknown, index) => {
    const type = stringAt(event, 'type');
    const id = stringAt(event, 'webhookEventId');
    if (!type || !id)
      throw new MalformedBodyError(`events[${index}] lacks a type or webhookEventId`);
    return { type, id };
  });
  const ids = read.map((event) => event.id);
  return {
    type: commonType(read.map((event) => event.type))!,
    providerDeliveryId:
      ids.length === 1
        ? ids[0]
        : `events:${createHash('sha256').update(ids.join(',')).digest('hex')}`,
  };
}
