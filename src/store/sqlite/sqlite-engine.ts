import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { HookgateConfig } from '../../config/config.schema';
import { HOOKGATE_CONFIG } from '../../config/tokens';
import { InboxInsert } from '../inbox/inbox-insert';
import { QueryDialect } from '../query-dialect';
import { RunQueue } from '../run-queue';
import type { StoreEngine } from '../engine';
import { StoreWriteLock } from '../write-lock';
import { sqlite3WithoutTraces } from './sqlite-driver';
import { SqliteInboxInsert } from './sqlite-inbox';
import { SqliteQueryDialect } from './sqlite-query-dialect';
import { SqliteRunQueue } from './sqlite-run-queue';
import { SqliteTuning } from './sqlite-tuning';

/**
 * How long a SQLite worker process leaves the file free after each write transaction, for the
 * edge process's inserts, which otherwise wait behind the worker's back-to-back transactions
 * (docs/adr/0014-sqlite-worker-pause.md).
 */
const SHARED_SQLITE_PAUSE_MS = 3;

/** SQLite: one file, one writer at a time, the embedded default. */
export const SQLITE_ENGINE: StoreEngine = {
  name: 'sqlite',
  connectionOptions(database) {
    const path = database.url.slice('sqlite:'.length);
    const inMemory = path === ':memory:';
    if (!inMemory) mkdirSync(dirname(path), { recursive: true });
    return {
      type: 'sqlite',
      driver: sqlite3WithoutTraces,
      database: path,
      // WAL: readers never block the writer, and commits append instead of rewriting pages
      // (docs/adr/0003-sqlite-wal.md).
      enableWAL: !inMemory,
      busyTimeout: 5000,
      // Also on every initialize(), so an in-memory store that is closed and opened again gets
      // its tables back.
      migrationsRun: true,
    };
  },
  providers: [
    SqliteTuning,
    { provide: RunQueue, useClass: SqliteRunQueue },
    { provide: InboxInsert, useClass: SqliteInboxInsert },
    { provide: QueryDialect, useClass: SqliteQueryDialect },
    {
      provide: StoreWriteLock,
      inject: [HOOKGATE_CONFIG],
      // A worker process shares the file with an edge process (see StoreWriteLock).
      useFactory: (config: HookgateConfig) =>
        new StoreWriteLock(true, config.role === 'worker' ? SHARED_SQLITE_PAUSE_MS : 0),
    },
  ],
};
