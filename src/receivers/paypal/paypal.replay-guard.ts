import { createHash } from 'node:crypto';
import { ExpiringCache } from '../shared/fetch/expiring-cache';

/**
 * PayPal's signature covers CRC-32 of the body, not a cryptographic hash, and anyone can make a
 * different body with the same CRC-32. So a captured transmission could carry a forged body for
 * as long as its transmission time passes the window. This remembers, per webhook, the SHA-256 of
 * the body each accepted transmission id came with: the same bytes again (an honest re-send) pass,
 * other bytes under a seen transmission id are refused. In-memory, so per process.
 */
export class TransmissionReplayGuard {
  private readonly seen = new ExpiringCache<string>(10_000);

  /** Record an accepted transmission; false when its id was seen with a different body. */
  accept(
    webhookId: string,
    transmissionId: string,
    rawBody: Buffer,
    now: Date,
    retentionSeconds: number,
  ): boolean {
    const key = `${webhookId}|${transmissionId}`;
    const digest = createHash('sha256').update(rawBody).digest('hex');
    const previous = this.seen.get(key, now);
    if (previous !== undefined) return previous === digest;
    this.seen.set(key, digest, new Date(now.getTime() + retentionSeconds * 1000));
    return true;
  }
}
