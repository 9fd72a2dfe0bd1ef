import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Typeform webhooks: `Typeform-Signature: sha256=<base64 HMAC-SHA256 of the body>` under the
 * secret set on the form's webhook (typeform.com/developers/webhooks/secure-your-webhooks; not
 * read here: the scheme is from independent receivers, see docs/providers.md). The payload is
 * `{ event_id, event_type: "form_response", form_response }`; a redelivery carries the same
 * `event_id`.
 */
export const typeformDescriptor: HmacDescriptor = {
  name: 'typeform',
  title: 'Typeform',
  algorithm: 'sha256',
  signature: { headers: ['Typeform-Signature'], encoding: 'base64', prefix: 'sha256=' },
  messages: {
    mismatch: 'The signature does not match the body under any configured webhook secret.',
  },
  type: { path: 'event_type' },
  id: { path: 'event_id' },
  occurredAt: { path: 'form_response.submitted_at' },
};

export type TypeformOptions = HmacOptions;
export const typeformReceiver = hmacReceiver(typeformDescriptor);
