import { Injectable } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';

/** Failed admin logins allowed per client address and window, then the address is blocked. */
export const ADMIN_AUTH_LIMITS = { failures: 10, windowMs: 60_000, blockMs: 60_000 } as const;
const THROTTLER_NAME = 'admin-auth';

/**
 * Counts failed admin bearer-token attempts per client address with @nestjs/throttler's
 * storage. Only failures count, so a busy operator script is never slowed down, while guessing
 * the token is capped at `failures` tries per window (then 429 for `blockMs`).
 */
@Injectable()
export class AdminAuthThrottle {
  private readonly storage = new ThrottlerStorageService();

  /** Seconds the address stays blocked (0 when it is not blocked). */
  blockedFor(address: string): number {
    const record = this.storage.storage.get(this.key(address));
    if (!record?.isBlocked) return 0;
    return Math.max(0, Math.ceil((record.blockExpiresAt - Date.now()) / 1000));
  }

  /** Record one failure; returns the seconds the address is now blocked (0 if still allowed). */
  async recordFailure(address: string): Promise<number> {
    const { failures, windowMs, blockMs } = ADMIN_AUTH_LIMITS;
    const record = await this.storage.increment(
      this.key(address),
      windowMs,
      failures,
      blockMs,
      THROTTLER_NAME,
    );
    return record.isBlocked ? Math.max(1, record.timeToBlockExpire) : 0;
  }

  private key(address: string): string {
    return `${THROTTLER_NAME}:${address}`;
  }
}
