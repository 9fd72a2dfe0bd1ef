import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { commonType } from '../shared/batch';
import { isoInstant } from '../shared/code/fields';
import { readPath } from '../shared/hmac/fields';

/**
 * An Okta event hook delivery (okta-developer-docs `docs/concepts/event-hooks/index.md`): a
 * CloudEvents-like envelope whose `data.events[]` are System Log LogEvents, several when they
 * happen close together. Every event stays in the stored payload.
 * - type: the events' `eventType` (`user.session.start`), or `mixed` (commonType).
 * - delivery id: Okta says to detect duplicates by `data.events[].uuid`, so one event's `uuid`,
 *   or a SHA-256 over the batch's uuids; the envelope's `eventId` only when no event has one
 *   (the docs do not say that a retry keeps `eventId`).
 * - occurredAt: the envelope's `eventTime`.
 */
export function normalizeOktaDelivery(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const events = (payload as { data?: { events?: unknown } }).data?.events;
  if (!Array.isArray(events) || events.length === 0) {
    throw new MalformedBodyError('the body has no "data.events"');
  }
  const types = events.map((event) => readPath(event, 'eventType'));
  if (types.some((type) => !type)) {
    throw new MalformedBodyError('an event of "data.events" has no "eventType"');
  }
  const uuids = events.map((event) => readPath(event, 'uuid'));
  const providerDeliveryId = uuids.every(Boolean)
    ? uuids.length === 1
      ? uuids[0]
      : createHash('sha256').update(uuids.join('\n')).digest('hex')
    : readPath(payload, 'eventId');
  const occurredAt = isoInstant(readPath(payload, 'eventTime'));
  return {
    type: commonType(types as string[])!,
    ...(providerDeliveryId && { providerDeliveryId }),
    ...(occurredAt && { occurredAt }),
  };
}
