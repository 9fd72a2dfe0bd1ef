import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { parseFormBody, parseJsonObject, stringAt } from '../shared/body';
import { FORM_TYPE } from './vonage.sms-params';

export function parseVonageBody(req: IncomingWebhook): Record<string, unknown> {
  return req.contentType === FORM_TYPE ? parseFormBody(req.rawBody) : parseJsonObject(req.rawBody);
}

/**
 * Vonage sends no event type, so the type comes from the fields each API documents:
 *   Messages API: `message_uuid` → `message.status` with `status`, else `message.inbound`;
 *   SMS API: `messageId` → `sms.status` (delivery receipt, with `status`), else `sms.inbound`;
 *   Voice API: `uuid` + `status` → `call.status`; `recording_uuid` → `call.recording`.
 * A status is its own event, so the delivery id is the uuid and the status together; a retry
 * repeats both. occurredAt: `timestamp` (ISO 8601) or the SMS API's `message-timestamp` (UTC).
 */
export function normalizeVonageEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const { type, id } = classify(payload);
  const occurredAt = timeOf(payload);
  return {
    type,
    ...(id !== undefined && { providerDeliveryId: id }),
    ...(occurredAt && { occurredAt }),
  };
}

function classify(payload: unknown): { type: string; id?: string } {
  const field = (name: string) => stringAt(payload, name) || undefined;
  const status = field('status');
  const messageUuid = field('message_uuid');
  if (messageUuid) {
    return status
      ? { type: 'message.status', id: `${messageUuid}:${status}` }
      : { type: 'message.inbound', id: messageUuid };
  }
  const messageId = field('messageId');
  if (messageId) {
    return status
      ? { type: 'sms.status', id: `${messageId}:${status}` }
      : { type: 'sms.inbound', id: messageId };
  }
  const callUuid = field('uuid');
  if (callUuid && status) return { type: 'call.status', id: `${callUuid}:${status}` };
  const recordingUuid = field('recording_uuid');
  if (recordingUuid) return { type: 'call.recording', id: recordingUuid };
  return { type: 'unknown' };
}

function timeOf(payload: unknown): Date | undefined {
  const iso = stringAt(payload, 'timestamp');
  const sms = stringAt(payload, 'message-timestamp');
  const text = iso && !/^\d+$/.test(iso) ? iso : sms ? `${sms.replace(' ', 'T')}Z` : undefined;
  const date = text === undefined ? undefined : new Date(text);
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
