import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { MalformedBodyError } from '../../errors/webhook-errors';
import { formParams, type FormParams } from '../shared/sorted-params';

export const PLIVO_FORM_TYPE = 'application/x-www-form-urlencoded';

/** The stored payload: one string per key, an array only where Plivo repeated the key. */
export function parsePlivoBody(req: IncomingWebhook): Record<string, string | string[]> {
  return plivoPayload(formParams(req.rawBody));
}

export function plivoPayload(params: FormParams): Record<string, string | string[]> {
  const payload: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(params))
    payload[key] = values.length === 1 ? values[0] : [...values];
  return payload;
}

/**
 * Plivo sends no event-type field on its main callbacks, so the type comes from the fields:
 *   MessageUUID with Status → `message.status` (status callback), without → `message` (inbound);
 *   CallUUID with HangupCause → `call.hangup`, else `call` (answer, ring, action URLs);
 *   otherwise the product's own EventName / Event field (number masking); a form with none of
 *   these is no Plivo callback the gateway can type: 400.
 * Delivery id: the UUID and the status it reports, since one message or call posts several.
 * https://www.plivo.com/docs/messaging/api/message/message-status-callbacks/ and
 * https://www.plivo.com/docs/voice/xml/request/
 */
export function normalizePlivoEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const messageUuid = field(payload, 'MessageUUID');
  if (messageUuid) {
    const status = field(payload, 'Status');
    return {
      type: status ? 'message.status' : 'message',
      providerDeliveryId: withStatus(messageUuid, status),
    };
  }
  const callUuid = field(payload, 'CallUUID');
  if (callUuid) {
    return {
      type: field(payload, 'HangupCause') ? 'call.hangup' : 'call',
      providerDeliveryId: withStatus(callUuid, field(payload, 'CallStatus')),
    };
  }
  const event = field(payload, 'EventName') ?? field(payload, 'Event');
  if (!event)
    throw new MalformedBodyError(
      'The form has no MessageUUID, CallUUID, EventName or Event, so it is no Plivo callback',
    );
  return { type: event };
}

function withStatus(uuid: string, status: string | undefined): string {
  return status ? `${uuid}:${status}` : uuid;
}

/** A string field of the form payload (first value of a repeated key). */
function field(payload: unknown, name: string): string | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const value = (payload as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}
