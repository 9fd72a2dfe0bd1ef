import { InboxInsert } from '../inbox/inbox-insert';
import { QueryDialect } from '../query-dialect';
import { RunQueue } from '../run-queue';
import type { StoreEngine } from '../engine';
import { StoreWriteLock } from '../write-lock';
import { PgNotify } from './pg-notify';
import { PostgresInboxInsert } from './postgres-inbox';
import { PostgresQueryDialect } from './postgres-query-dialect';
import { PostgresRunQueue } from './postgres-run-queue';

/** PostgreSQL: several processes share the store, with row locks and LISTEN/NOTIFY. */
export const POSTGRES_ENGINE: StoreEngine = {
  name: 'postgres',
  connectionOptions(database) {
    return {
      type: 'postgres',
      url: database.url,
      // Per process: processes x poolSize (+1 each for LISTEN) must stay under max_connections.
      poolSize: database.poolSize,
      applicationName: 'hookgate',
      // Only in initializeAndMigrate, under a lock, so processes starting together take turns.
      migrationsRun: false,
    };
  },
  providers: [
    PgNotify,
    { provide: RunQueue, useClass: PostgresRunQueue },
    { provide: InboxInsert, useClass: PostgresInboxInsert },
    { provide: QueryDialect, useClass: PostgresQueryDialect },
    // Row locks keep concurrent writers apart: the lock lets everything through.
    { provide: StoreWriteLock, useValue: new StoreWriteLock(false) },
  ],
};
