import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacOptions } from '../shared/hmac/descriptor';
import { standardWebhooksWire } from '../standard-webhooks/standard-webhooks.wire';

/**
 * Polar sends Standard Webhooks headers (`webhook-id`, `webhook-timestamp`,
 * `webhook-signature`), but its dashboard secret is the key as text: polar-js's
 * `validateEvent` base64-encodes the secret's UTF-8 bytes before handing it to
 * `standardwebhooks`, which decodes it back (polarsource/polar-js `src/webhooks/index.ts`).
 * So the key is the secret's UTF-8 bytes, whatever it looks like.
 */
export const polarDescriptor = standardWebhooksWire({
  name: 'polar',
  title: 'Polar',
  family: 'webhook',
  key: { encoding: 'utf8' },
});

export type PolarOptions = HmacOptions;
export const polarReceiver = hmacReceiver(polarDescriptor);
