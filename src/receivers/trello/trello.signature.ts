import { hmac } from '../shared/hmac';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Trello signs the raw body followed by the webhook's callback URL, exactly as registered, with
 * HMAC-SHA1 under the application secret, base64-encoded in X-Trello-Webhook. The URL is part of
 * the signed content, so a rebuilt URL that differs by a slash, a port or an escape fails.
 */
export function signTrello(appSecret: string, body: Buffer, callbackUrl: string): string {
  return hmac('sha1', appSecret, body, Buffer.from(callbackUrl, 'utf8')).toString('base64');
}

/** Index of the secret that signed `body` + `callbackUrl`, or -1. Base64 is compared as sent. */
export function verifyTrelloSignature(
  header: string,
  body: Buffer,
  callbackUrl: string,
  secrets: readonly string[],
): number {
  if (!header) return -1;
  return matchAnySecret(secrets, [header], (secret) => signTrello(secret, body, callbackUrl));
}
