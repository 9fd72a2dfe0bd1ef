import { hmac } from '../shared/hmac';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * Bitbucket Cloud signs the raw body with HMAC-SHA256 under the webhook's secret and sends
 *   X-Hub-Signature: sha256=<hex>
 * (GitHub's SHA-256 format, under GitHub's legacy SHA-1 header name). No timestamp is signed,
 * so replays are caught by de-duplicating X-Request-UUID.
 */
const PREFIX = 'sha256=';

export function signBitbucket(secret: string, body: Buffer): string {
  return `${PREFIX}${hmac('sha256', secret, body).toString('hex')}`;
}

/** Index of the secret that signed `body`, or -1. `header` is the whole header value. */
export function verifyBitbucketSignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
): number {
  if (!header.startsWith(PREFIX)) return -1;
  const candidate = `${PREFIX}${header.slice(PREFIX.length).toLowerCase()}`;
  return matchAnySecret(secrets, [candidate], (secret) => signBitbucket(secret, body));
}
