import { createHash } from 'node:crypto';
import { timingSafeEqualAny } from '../timing-safe';

/** Lower-case hex SHA-256, the form JWT hash claims (`payload_hash`, `url_hash`) take. */
export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Whether a hash claim names these bytes. Compared as hex case-insensitively (the claim is
 * signed, so its case is the provider's choice) and in constant time.
 */
export function hashClaimMatches(claim: unknown, data: string | Buffer): boolean {
  return typeof claim === 'string' && timingSafeEqualAny(claim.toLowerCase(), sha256Hex(data));
}
