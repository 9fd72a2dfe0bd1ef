import type { WebhookResponse } from '../receiver';

/** The empty TwiML document, byte for byte what twilio-node's `new MessagingResponse()` prints. */
export const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * Twilio reads the answer as TwiML, so the ack is an empty <Response/> (do nothing) and the
 * gateway's `{ id, duplicate }` travels in headers.
 */
export function acknowledgeTwilio(result: { id: string; duplicate: boolean }): WebhookResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      'x-hookgate-delivery-id': result.id,
      'x-hookgate-duplicate': String(result.duplicate),
    },
    body: EMPTY_TWIML,
  };
}
