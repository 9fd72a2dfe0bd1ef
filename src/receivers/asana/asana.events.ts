import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent, WebhookResponse } from '../receiver';
import { commonType } from '../shared/batch';
import { stringAt } from '../shared/body';
import { bodyDigest } from '../shared/digests';

/** The `events` of an Asana delivery; 400 when there is no such array. */
function events(payload: unknown): unknown[] {
  const list = (payload as { events?: unknown }).events;
  if (!Array.isArray(list)) throw new MalformedBodyError('the body has no "events" array');
  return list;
}

/**
 * Asana's heartbeat: a signed delivery with no events, sent to keep the webhook alive
 * (https://developers.asana.com/docs/webhooks-guide). Answered 200, nothing to store.
 */
export function answerHeartbeat(
  _req: IncomingWebhook,
  payload: unknown,
): WebhookResponse | undefined {
  return events(payload).length === 0 ? { status: 200 } : undefined;
}

/**
 * One delivery carries several events: `type` is `<resource_type>.<action>` (`task.changed`,
 * `story.added`) when all share it, else `mixed`. Asana sends no delivery id and resends the
 * same body for up to 24 hours: the id is a SHA-256 of the body.
 */
export function normalizeAsana(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const types = events(payload).map((event, index) => {
    const resource = stringAt(event, 'resource', 'resource_type');
    const action = stringAt(event, 'action');
    if (!resource || !action) {
      throw new MalformedBodyError(`events[${index}] has no resource.resource_type or action`);
    }
    return `${resource}.${action}`;
  });
  return {
    type: commonType(types)!,
    providerDeliveryId: bodyDigest(req.rawBody),
  };
}
