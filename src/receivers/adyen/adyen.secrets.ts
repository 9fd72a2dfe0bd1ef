import { checkBasicSecret } from '../shared/basic-credentials';

/**
 * An Adyen endpoint's secrets are of two kinds, told apart by their shape:
 * - the webhook's HMAC key, 64 hex characters (32 bytes) as the Customer Area shows it;
 * - `user:password`, the Basic credentials the webhook is set up with: when one is configured,
 *   every request must carry matching credentials besides valid signatures
 *   (docs.adyen.com/development-resources/webhooks/best-practices, "Security").
 */
const HMAC_KEY = /^[0-9A-Fa-f]{64}$/;

export const isHmacKey = (secret: string): boolean => HMAC_KEY.test(secret);
export const isBasicCredentials = (secret: string): boolean =>
  !isHmacKey(secret) && checkBasicSecret(secret) === undefined;

export function checkAdyenSecret(secret: string): string | undefined {
  if (isHmacKey(secret) || isBasicCredentials(secret)) return undefined;
  return "must be the webhook's HMAC key (64 hex characters, from Developers > Webhooks in the Customer Area) or user:password for its Basic authentication.";
}
