import { createHmac } from 'node:crypto';

export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512';

/** HMAC over the concatenation of `parts`, without copying them into one buffer first. */
export function hmac(
  algorithm: HmacAlgorithm,
  key: string | Buffer,
  ...parts: ReadonlyArray<string | Buffer>
): Buffer {
  const mac = createHmac(algorithm, key);
  for (const part of parts) mac.update(part);
  return mac.digest();
}
