import { hmac } from '../shared/hmac';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * GitHub signs the raw body with HMAC under the hook's secret:
 *   X-Hub-Signature-256: sha256=<hex HMAC-SHA256>
 *   X-Hub-Signature:     sha1=<hex HMAC-SHA1>   (legacy)
 * No timestamp is signed, so replays are caught by de-duplicating X-GitHub-Delivery.
 */
export type GithubAlgorithm = 'sha256' | 'sha1';

export function signGithub(
  secret: string,
  body: Buffer,
  algorithm: GithubAlgorithm = 'sha256',
): string {
  return `${algorithm}=${hmac(algorithm, secret, body).toString('hex')}`;
}

/** Index of the secret that signed `body`, or -1. `header` is the whole header value. */
export function verifyGithubSignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
  algorithm: GithubAlgorithm = 'sha256',
): number {
  const prefix = `${algorithm}=`;
  if (!header.startsWith(prefix)) return -1;
  // GitHub sends lower-case hex; accept upper-case from hand-made requests too.
  const candidate = `${prefix}${header.slice(prefix.length).toLowerCase()}`;
  return matchAnySecret(secrets, [candidate], (secret) => signGithub(secret, body, algorithm));
}
