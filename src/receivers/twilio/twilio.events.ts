import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { twilioFormParams, twilioPayload } from './twilio.params';

export const TWILIO_FORM_TYPE = 'application/x-www-form-urlencoded';

export function parseTwilioBody(req: IncomingWebhook): unknown {
  return req.contentType === TWILIO_FORM_TYPE
    ? twilioPayload(twilioFormParams(req.rawBody))
    : parseJsonObject(req.rawBody);
}

/**
 * Twilio sends no type field, so the type comes from the fields present:
 *   MessageSid (or SmsSid) → `message`, or `message.status` when MessageStatus is present;
 *   CallSid → `call`, or `call.status` for status callbacks (CallbackSource / SequenceNumber);
 *   otherwise the product's own EventType or type field, else `unknown`.
 * De-duplication: I-Twilio-Idempotency-Token (kept across Twilio's retries), else Sid + status.
 */
export function normalizeTwilioEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const token = req.headers['i-twilio-idempotency-token'] || undefined;
  const messageSid = field(payload, 'MessageSid') ?? field(payload, 'SmsSid');
  if (messageSid) {
    const status = field(payload, 'MessageStatus');
    const type = status ? 'message.status' : 'message';
    return {
      type,
      providerDeliveryId: token ?? sidWithStatus(messageSid, status ?? field(payload, 'SmsStatus')),
    };
  }
  const callSid = field(payload, 'CallSid');
  if (callSid) {
    const isStatusCallback =
      field(payload, 'CallbackSource') !== undefined ||
      field(payload, 'SequenceNumber') !== undefined;
    const type = isStatusCallback ? 'call.status' : 'call';
    return {
      type,
      providerDeliveryId: token ?? sidWithStatus(callSid, field(payload, 'CallStatus')),
    };
  }
  return {
    type: field(payload, 'EventType') || field(payload, 'type') || 'unknown',
    providerDeliveryId: token,
  };
}

function sidWithStatus(sid: string, status: string | undefined): string {
  return status ? `${sid}:${status}` : sid;
}

/** A string field of a form payload (first value of a repeated key) or a JSON object. */
function field(payload: unknown, name: string): string | undefined {
  if (payload === null || typeof payload !== 'object') return undefined;
  const value = (payload as Record<string, unknown>)[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first !== '' ? first : undefined;
}
