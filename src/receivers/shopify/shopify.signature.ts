import { hmac } from '../shared/hmac';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Shopify signs the raw body with HMAC-SHA256 under the app's client secret, base64-encoded in
 * X-Shopify-Hmac-Sha256 (classic webhooks) or Shopify-Hmac-Sha256 (the newer Events deliveries).
 * No timestamp is signed: retries are caught by de-duplicating the event id.
 */
export function signShopify(secret: string, body: Buffer): string {
  return hmac('sha256', secret, body).toString('base64');
}

/** Index of the secret that signed `body`, or -1. Base64 is compared exactly, as sent. */
export function verifyShopifySignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
): number {
  if (!header) return -1;
  return matchAnySecret(secrets, [header], (secret) => signShopify(secret, body));
}
