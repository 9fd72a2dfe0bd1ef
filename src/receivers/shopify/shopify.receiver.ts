import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { normalizeShopifyEvent } from './shopify.events';

/**
 * Shopify: HTTPS webhook subscriptions and Events deliveries (JSON). The raw body is signed
 * with HMAC-SHA256 under the app's client secret, base64 in X-Shopify-Hmac-Sha256 (classic
 * webhooks) or Shopify-Hmac-Sha256 (Events); the first one sent picks the header family
 * (shopify.headers.ts). No timestamp is signed: retries are caught by the event id.
 */
export const shopifyDescriptor: HmacDescriptor = {
  name: 'shopify',
  title: 'Shopify',
  ackDeadlineMs: 5_000,
  algorithm: 'sha256',
  signature: {
    headers: ['X-Shopify-Hmac-Sha256', 'Shopify-Hmac-Sha256'],
    use: 'first-present',
    encoding: 'base64',
  },
  messages: {
    mismatch:
      'The HMAC does not match the body under any configured secret (webhooks made in the store admin ' +
      'are signed with the store notification key, not the app client secret).',
  },
  normalize: normalizeShopifyEvent,
};

export type ShopifyOptions = HmacOptions;
export const shopifyReceiver = hmacReceiver(shopifyDescriptor);
