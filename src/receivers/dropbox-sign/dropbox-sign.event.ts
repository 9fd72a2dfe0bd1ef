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
 * - providerDeliveryId: `event.event_hash`, which a retry repeats, then the id of the object
 *   the event is about and `related_signature_id`, each when the callback names it. The hash
 *   covers only time and type, so events of one type in the same second share it: requests
 *   of a bulk send (`signature_request_sent` names no signer, only its signature request,
 *   help.dropbox.com "Example of a Dropbox Sign callback event"), or two signers of one request.
 */
export function normalizeDropboxSignEvent(callback: unknown): NormalizedEvent {
  const { time, type, hash } = eventFields(callback);
  if (!type) throw new MalformedBodyError('the callback has no event.event_type');
  const parts = [
    hash!,
    subjectIdOf(callback),
    stringAt(callback, 'event', 'event_metadata', 'related_signature_id'),
  ];
  const seconds = /^\d{1,12}$/.test(time ?? '') ? Number(time) : NaN;
  return {
    type,
    providerDeliveryId: parts.filter((part) => part).join(':'),
    ...(Number.isFinite(seconds) && { occurredAt: new Date(seconds * 1000) }),
  };
}

/** The callback's signature request, template or account (@dropbox/sign EventCallbackRequest). */
function subjectIdOf(callback: unknown): string | undefined {
  return (
    stringAt(callback, 'signature_request', 'signature_request_id') ??
    stringAt(callback, 'template', 'template_id') ??
    stringAt(callback, 'account', 'account_id')
  );
}
