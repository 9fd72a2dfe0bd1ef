import { MalformedBodyError } from '../../errors/webhook-errors';
import type { NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/** `event.event_time`, `event_type`, `event_hash` of a callback, as strings when present. */
export function eventFields(callback: unknown): {
  readonly time?: string;
  readonly type?: string;
  readonly hash?: string;
} {
  return {
    time: stringAt(callback, 'event', 'event_time'),
    type: stringAt(callback, 'event', 'event_type'),
    hash: stringAt(callback, 'event', 'event_hash'),
  };
}

/**
 * - type: `event.event_type` (`signature_request_signed`).
 * - occurredAt: `event.event_time`, Unix seconds.
 * - providerDeliveryId: `event.event_hash`, which a retry repeats, followed by
 *   `:related_signature_id` when the metadata names one: the hash covers only time and type,
 *   so two events of one type in the same second (a bulk send) share it.
 */
export function normalizeDropboxSignEvent(callback: unknown): NormalizedEvent {
  const { time, type, hash } = eventFields(callback);
  if (!type) throw new MalformedBodyError('the callback has no event.event_type');
  const signatureId = stringAt(callback, 'event', 'event_metadata', 'related_signature_id');
  const seconds = /^\d{1,12}$/.test(time ?? '') ? Number(time) : NaN;
  return {
    type,
    providerDeliveryId: signatureId ? `${hash}:${signatureId}` : hash!,
    ...(Number.isFinite(seconds) && { occurredAt: new Date(seconds * 1000) }),
  };
}
