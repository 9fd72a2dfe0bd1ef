import type { WebhookResponse } from '../receiver';

/**
 * An acknowledgement for providers that check the answer's text (Adyen's `[accepted]`,
 * Dropbox Sign's `Hello API Event Received`): that text as text/plain, and the gateway's
 * `{ id, duplicate }` in headers, as xml-acknowledgement.ts does for XML.
 */
export function textAcknowledgement(
  body: string,
): (result: { id: string; duplicate: boolean }) => WebhookResponse {
  return (result) => ({
    status: 200,
    headers: {
      'content-type': 'text/plain; charset=utf-8',
      'x-hookgate-delivery-id': result.id,
      'x-hookgate-duplicate': String(result.duplicate),
    },
    body,
  });
}
