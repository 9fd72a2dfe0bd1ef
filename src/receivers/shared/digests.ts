import { createHash } from 'node:crypto';

/**
 * Delivery ids made from content, for providers that send none of their own (or several in one
 * delivery). Every receiver that needs one uses these, so the same bytes always give the same
 * id: a redelivery is then stored once.
 */

/** Hex SHA-256 of the exact bytes received. */
export function bodyDigest(rawBody: Buffer): string {
  return createHash('sha256').update(rawBody).digest('hex');
}

/** One id for a batch: its only id, or hex SHA-256 of the ids sorted, one per line. */
export function batchDigest(ids: readonly string[]): string {
  if (ids.length === 1) return ids[0]!;
  return createHash('sha256')
    .update([...ids].sort().join('\n'))
    .digest('hex');
}
