import type { WebhookResponse } from '../receiver';

/**
 * An acknowledgement for providers that read the answer as XML (Twilio's TwiML, Salesforce's
 * SOAP Ack): the fixed body they expect, and the gateway's `{ id, duplicate }` in headers.
 */
export function xmlAcknowledgement(
  body: string,
): (result: { id: string; duplicate: boolean }) => WebhookResponse {
  return (result) => ({
    status: 200,
    headers: {
      'content-type': 'text/xml; charset=utf-8',
      'x-hookgate-delivery-id': result.id,
      'x-hookgate-duplicate': String(result.duplicate),
    },
    body,
  });
}
