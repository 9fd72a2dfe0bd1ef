import { matchHmac, signHmac } from '../shared/hmac/signature';
import { shopifyDescriptor } from './shopify.receiver';

/** Base64 HMAC-SHA256 of the raw body under the client secret, as Shopify sends it. */
export function signShopify(secret: string, body: Buffer): string {
  return signHmac(shopifyDescriptor, secret, { body });
}

/** Index of the secret that signed `body`, or -1. Base64 is compared exactly, as sent. */
export function verifyShopifySignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
): number {
  return matchHmac(shopifyDescriptor, [header], { body }, secrets);
}
