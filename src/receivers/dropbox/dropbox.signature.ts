import { hmac } from '../shared/hmac';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Dropbox signs the raw body with HMAC-SHA256 under the app secret, hex-encoded in
 * X-Dropbox-Signature. No timestamp and no id: notifications only say "something changed".
 */
export function signDropbox(appSecret: string, body: Buffer): string {
  return hmac('sha256', appSecret, body).toString('hex');
}

/** Index of the secret that signed `body`, or -1. Hex is compared case-insensitively. */
export function verifyDropboxSignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
): number {
  if (!/^[0-9a-f]{64}$/i.test(header)) return -1;
  return matchAnySecret(secrets, [header.toLowerCase()], (secret) => signDropbox(secret, body));
}
