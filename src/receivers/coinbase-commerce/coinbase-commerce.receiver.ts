import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Coinbase Commerce: `X-CC-Webhook-Signature: <hex HMAC-SHA256 of the body>` under the webhook
 * shared secret (coinbase/coinbase-commerce-node `lib/Webhook.js`; docs.cdp.coinbase.com
 * commerce webhooks overview). The body wraps one event: `{ id, scheduled_for, attempt_number,
 * event: { id, type, created_at, data } }`. Unacknowledged deliveries are retried with
 * exponential backoff for up to three days, so the event id is the de-duplication key.
 */
export const coinbaseCommerceDescriptor: HmacDescriptor = {
  name: 'coinbase-commerce',
  title: 'Coinbase Commerce',
  algorithm: 'sha256',
  signature: { headers: ['X-CC-Webhook-Signature'], encoding: 'hex' },
  messages: {
    mismatch: 'The signature does not match the body under any configured shared secret.',
  },
  type: { path: 'event.type' }, // charge:confirmed
  id: { path: 'event.id' },
  occurredAt: { path: 'event.created_at' },
};

export type CoinbaseCommerceOptions = HmacOptions;
export const coinbaseCommerceReceiver = hmacReceiver(coinbaseCommerceDescriptor);
