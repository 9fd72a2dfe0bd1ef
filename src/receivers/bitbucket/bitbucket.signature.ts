import { matchHmac, signHmac } from '../shared/hmac/signature';
import { bitbucketDescriptor } from './bitbucket.receiver';

/** `sha256=<hex HMAC-SHA256 of the raw body>`, as Bitbucket sends it. */
export function signBitbucket(secret: string, body: Buffer): string {
  return signHmac(bitbucketDescriptor, secret, { body });
}

/** Index of the secret that signed `body`, or -1. `header` is the whole header value. */
export function verifyBitbucketSignature(
  header: string,
  body: Buffer,
  secrets: readonly string[],
): number {
  return matchHmac(bitbucketDescriptor, [header], { body }, secrets);
}
