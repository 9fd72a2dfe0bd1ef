import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import { StoreWriteLock } from './write-lock';
import { writeTransaction } from './write-transaction';

const TABLE = 'replay_tokens';

/**
 * What claiming a token did: `new` (first seen, or seen with these bytes by a request racing
 * this one), `same` (seen before with the same body: an honest retry), `other` (seen before
 * with another body: a replayed signature carrying a different payload).
 */
export type ReplayClaim = 'new' | 'same' | 'other';

/**
 * Single-use tokens that providers sign without signing the body (Mailgun), with the SHA-256 of
 * the body each first came with, kept per endpoint until they expire. In the store, not in
 * memory, so every process behind a load balancer sees the same tokens. Times are ISO-8601 UTC
 * text, which sorts like the instants it names on both engines.
 */
@Injectable()
export class ReplayTokens {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly lock: StoreWriteLock,
  ) {}

  /**
   * Remember `token` with `digest` unless a live row has it already. Race-safe on both engines:
   * the insert does nothing on a conflict, and the row read afterwards is whichever committed
   * first, so two processes claiming one token with different bodies cannot both pass.
   */
  claim(
    provider: string,
    endpoint: string,
    token: string,
    digest: string,
    expiresAt: Date,
    now: Date,
  ): Promise<ReplayClaim> {
    return this.lock.runExclusive(() =>
      writeTransaction(this.dataSource, async (manager) => {
        const key = { provider, endpoint, token };
        const seen = await liveDigest(manager, key, now);
        if (seen !== undefined) return seen === digest ? 'same' : 'other';
        // An expired row for the token would block the insert: it no longer counts. Only an
        // expired one: a live row committed by a racing process since the read above must stay.
        await manager
          .createQueryBuilder()
          .delete()
          .from(TABLE)
          .where(
            'provider = :provider AND endpoint = :endpoint AND token = :token AND expires_at <= :now',
            { ...key, now: now.toISOString() },
          )
          .execute();
        await manager
          .createQueryBuilder()
          .insert()
          .into(TABLE, ['provider', 'endpoint', 'token', 'body_sha256', 'expires_at'])
          .values({ ...key, body_sha256: digest, expires_at: expiresAt.toISOString() })
          .orIgnore()
          .execute();
        const kept = await liveDigest(manager, key, now);
        return kept === undefined || kept === digest ? 'new' : 'other';
      }),
    );
  }

  /**
   * Delete the tokens that expired by `now`, oldest first, about `limit` at a time (rows
   * expiring at the very same instant as the last one go in the same batch); returns how many.
   */
  purgeExpired(now: Date, limit: number): Promise<number> {
    return this.lock.runExclusive(() =>
      writeTransaction(this.dataSource, async (manager) => {
        const last: { expiresAt: string } | undefined = await manager
          .createQueryBuilder()
          .select('r.expires_at', 'expiresAt')
          .from(TABLE, 'r')
          .where('r.expires_at <= :now', { now: now.toISOString() })
          .orderBy('r.expires_at', 'ASC')
          .offset(limit - 1)
          .limit(1)
          .getRawOne();
        const cutoff = last?.expiresAt ?? now.toISOString();
        const result = await manager
          .createQueryBuilder()
          .delete()
          .from(TABLE)
          .where('expires_at <= :cutoff', { cutoff })
          .execute();
        return result.affected ?? 0;
      }),
    );
  }
}

async function liveDigest(
  manager: EntityManager,
  key: { provider: string; endpoint: string; token: string },
  now: Date,
): Promise<string | undefined> {
  const row: { digest: string } | undefined = await manager
    .createQueryBuilder()
    .select('r.body_sha256', 'digest')
    .from(TABLE, 'r')
    .where(
      'r.provider = :provider AND r.endpoint = :endpoint AND r.token = :token AND r.expires_at > :now',
      { ...key, now: now.toISOString() },
    )
    .getRawOne();
  return row?.digest;
}
