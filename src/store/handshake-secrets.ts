import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import { StoreWriteLock } from './write-lock';
import { writeTransaction } from './write-transaction';

const TABLE = 'handshake_secrets';

/** What keeping a handshake's secret did. */
export type KeptSecret = 'kept' | 'same' | 'other';

/**
 * Signing secrets a provider hands over in a handshake (Asana's `X-Hook-Secret`), kept per
 * endpoint (its provider and id). The first one wins: a later handshake with another secret is `other`, and the
 * operator removes the kept one (`forget`, the admin API) before a new webhook can take its
 * place, so that nobody who can reach the URL can swap the secret. Not cached: every process
 * reads it from the store, so a `forget` anywhere takes effect everywhere at once.
 */
@Injectable()
export class HandshakeSecrets {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly lock: StoreWriteLock,
  ) {}

  find(provider: string, endpoint: string): Promise<string | undefined> {
    return this.lock.runShared(async () => {
      const row: { secret: string } | undefined = await this.dataSource
        .createQueryBuilder()
        .select('h.secret', 'secret')
        .from(TABLE, 'h')
        .where('h.provider = :provider AND h.endpoint = :endpoint', { provider, endpoint })
        .getRawOne();
      return row?.secret;
    });
  }

  keep(provider: string, endpoint: string, secret: string, at: Date): Promise<KeptSecret> {
    return this.lock.runExclusive(() =>
      writeTransaction(this.dataSource, async (manager) => {
        const row: { secret: string } | undefined = await manager
          .createQueryBuilder()
          .select('h.secret', 'secret')
          .from(TABLE, 'h')
          .where('h.provider = :provider AND h.endpoint = :endpoint', { provider, endpoint })
          .getRawOne();
        if (row) return row.secret === secret ? 'same' : 'other';
        await manager
          .createQueryBuilder()
          .insert()
          .into(TABLE, ['provider', 'endpoint', 'secret', 'received_at'])
          .values({ provider, endpoint, secret, received_at: at.toISOString() })
          .execute();
        return 'kept';
      }),
    );
  }

  /** Remove the endpoint's kept secret; whether there was one. */
  forget(provider: string, endpoint: string): Promise<boolean> {
    return this.lock.runExclusive(() =>
      writeTransaction(this.dataSource, async (manager) => {
        const result = await manager
          .createQueryBuilder()
          .delete()
          .from(TABLE)
          .where('provider = :provider AND endpoint = :endpoint', { provider, endpoint })
          .execute();
        return (result.affected ?? 0) > 0;
      }),
    );
  }
}
