import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import { parseJsonBody } from '../shared/body';
import { commonType } from '../shared/batch';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';

/** One event of a batch: what the gateway reads of it; the rest is kept as posted. */
interface SendgridEvent {
  readonly event: string;
  readonly sg_event_id?: unknown;
  readonly timestamp?: unknown;
}

/**
 * The Event Webhook posts a JSON array of events, each with `event` (processed, delivered,
 * bounce, ...), `sg_event_id` and a Unix `timestamp`
 * (https://www.twilio.com/docs/sendgrid/for-developers/tracking-events/event).
 */
export function parseSendgridEvents(req: IncomingWebhook): SendgridEvent[] {
  const payload = parseJsonBody(req.rawBody);
  if (!Array.isArray(payload)) throw new MalformedBodyError('expected a JSON array of events');
  if (payload.length === 0) throw new MalformedBodyError('the array holds no events');
  payload.forEach((item: unknown, index) => {
    const event = item !== null && typeof item === 'object' ? (item as SendgridEvent).event : '';
    if (typeof event !== 'string' || event === '') {
      throw new MalformedBodyError(`event ${index} has no "event" type`);
    }
  });
  return payload as SendgridEvent[];
}

/**
 * One stored delivery per POST: its type is the events' common `event`, or `mixed`. A retried
 * POST carries the same events, so the delivery id comes from their `sg_event_id`s: the id
 * itself for one event, else the SHA-256 (hex) of the sorted ids as a JSON array. When an
 * event lacks one, the body's SHA-256 stands in. The time is the earliest event's.
 */
export function normalizeSendgrid(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const events = payload as readonly SendgridEvent[];
  const ids = events.map((event) => event.sg_event_id);
  const allIds = ids.every((id): id is string => typeof id === 'string' && id !== '');
  const providerDeliveryId = !allIds
    ? sha256(req.rawBody)
    : ids.length === 1
      ? ids[0]
      : sha256(JSON.stringify([...ids].sort()));
  const times = events
    .map((event) => event.timestamp)
    .filter((time): time is number => typeof time === 'number' && Number.isFinite(time));
  return {
    type: commonType(events.map((event) => event.event))!,
    providerDeliveryId,
    ...(times.length > 0 && { occurredAt: new Date(Math.min(...times) * 1000) }),
  };
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
