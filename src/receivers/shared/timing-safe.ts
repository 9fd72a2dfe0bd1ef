import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality for values of any length. `crypto.timingSafeEqual` throws on unequal
 * lengths, and an early length check leaks the length of the expected value (which matters for
 * plain tokens such as GitLab's). Comparing fixed-size digests of both sides avoids both.
 */
export function timingSafeEqualAny(a: string | Buffer, b: string | Buffer): boolean {
  const da = createHash('sha256').update(a).digest();
  const db = createHash('sha256').update(b).digest();
  return timingSafeEqual(da, db);
}

/**
 * Try every secret against every candidate signature the request carries (rotation, and
 * providers that send several signatures at once). Returns the index of the first secret that
 * matches, or -1. Stopping at a match leaks nothing an attacker does not already learn from 2xx.
 */
export function matchAnySecret(
  secrets: readonly string[],
  candidates: readonly (string | Buffer)[],
  expectedFor: (secret: string) => string | Buffer,
): number {
  for (let i = 0; i < secrets.length; i++) {
    const expected = expectedFor(secrets[i]);
    for (const candidate of candidates) {
      if (timingSafeEqualAny(expected, candidate)) return i;
    }
  }
  return -1;
}
