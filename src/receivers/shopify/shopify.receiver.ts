import type { Receiver, VerifyResult } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { normalizeShopifyEvent } from './shopify.events';
import { shopifyHeader } from './shopify.headers';
import { parseShopifyOptions, type ShopifyOptions } from './shopify.options';
import { verifyShopifySignature } from './shopify.signature';

/** Shopify: HTTPS webhook subscriptions and Events deliveries (JSON). */
export const shopifyReceiver: Receiver<ShopifyOptions> = {
  name: 'shopify',
  contentTypes: ['application/json'],
  ackDeadlineMs: 5_000,
  parseOptions: parseShopifyOptions,

  verify(req, { secrets }): VerifyResult {
    const header = shopifyHeader(req, 'hmac-sha256');
    if (!header)
      return {
        ok: false,
        reason: 'signature',
        message: 'X-Shopify-Hmac-Sha256 (or Shopify-Hmac-Sha256) is missing.',
      };
    const secretIndex = verifyShopifySignature(header, req.rawBody, secrets);
    return secretIndex >= 0
      ? { ok: true, secretIndex }
      : {
          ok: false,
          reason: 'signature',
          message:
            'The HMAC does not match the body under any configured secret (webhooks made in the store admin ' +
            'are signed with the store notification key, not the app client secret).',
        };
  },

  parse: (req) => parseJsonObject(req.rawBody),
  normalize: normalizeShopifyEvent,
};
