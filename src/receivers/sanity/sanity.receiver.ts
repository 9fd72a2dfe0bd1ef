import { parseJsonBody } from '../shared/body';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { normalizeSanityEvent } from './sanity.events';

/**
 * Sanity GROQ-powered webhooks with a secret: `sanity-webhook-signature: t=<ms>,v1=<base64url>`,
 * HMAC-SHA256 of `t + "." + body` under the secret, base64url without padding
 * (sanity-io/webhook-toolkit `src/signature.ts`). The toolkit enforces no age; the gateway's
 * 300 s window applies both ways (`toleranceSeconds`).
 */
export const sanityDescriptor: HmacDescriptor = {
  name: 'sanity',
  title: 'Sanity',
  algorithm: 'sha256',
  signature: {
    headers: ['sanity-webhook-signature'],
    encoding: 'base64url',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 't', unit: 'ms' },
  // A projection may be any JSON value (a string, a number, an array), not only an object.
  parse: (req) => parseJsonBody(req.rawBody),
  normalize: normalizeSanityEvent,
};

export type SanityOptions = HmacOptions;
export const sanityReceiver = hmacReceiver(sanityDescriptor);
