import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { commonType } from '../shared/batch';
import { parseJsonBody } from '../shared/body';
import { isoInstant } from '../shared/code/fields';
import { readPath } from '../shared/hmac/fields';

/** An Event Grid schema array, or CloudEvents: one object or a batch array. */
export function parseEventGridBody(req: IncomingWebhook): unknown {
  const body = parseJsonBody(req.rawBody);
  if (body === null || typeof body !== 'object') {
    throw new MalformedBodyError('expected a JSON array of events, or one CloudEvent');
  }
  return body;
}

/**
 * type: each event's `eventType` (Event Grid schema) or `type` (CloudEvents), common to the
 * batch or `mixed`; every event stays in the payload. id: the event's `id`, unique per event
 * and kept on redelivery (azure/event-grid/event-schema), or a SHA-256 over a batch's ids.
 * occurredAt: `eventTime` / `time` of a single event.
 */
export function normalizeEventGridEvents(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const events = Array.isArray(payload) ? payload : [payload];
  if (events.length === 0) throw new MalformedBodyError('the batch holds no event');
  const types = events.map((e) => readPath(e, 'eventType') ?? readPath(e, 'type'));
  const ids = events.map((e) => readPath(e, 'id'));
  if (types.some((type) => !type) || ids.some((id) => !id)) {
    throw new MalformedBodyError('every event needs an "id" and an "eventType" (or "type")');
  }
  const providerDeliveryId =
    ids.length === 1 ? ids[0]! : createHash('sha256').update(ids.join('\n')).digest('hex');
  const time =
    events.length === 1
      ? (readPath(events[0], 'eventTime') ?? readPath(events[0], 'time'))
      : undefined;
  const occurredAt = isoInstant(time);
  return {
    type: commonType(types as string[])!,
    providerDeliveryId,
    ...(occurredAt && { occurredAt }),
  };
}
