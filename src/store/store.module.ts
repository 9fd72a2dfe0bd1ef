import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { dataSourceOptions, HOOKGATE_CONNECTION } from './data-source';
import { DeliveryQueries } from './delivery.queries';
import { engineOfUrl } from './engine';
import { storeEntities } from './entities';
import { InboxWriter } from './inbox/inbox.writer';
import { initializeAndMigrate } from './migrations-runner';
import { PgNotify } from './postgres/pg-notify';
import { SqliteTuning } from './sqlite/sqlite-tuning';
import { StoreEntitiesRef } from './store-entities.ref';
import { StoreEvents } from './store-events';
import { StoreWriteLock } from './write-lock';

/**
 * How long a SQLite worker process leaves the file free after each write transaction, for the
 * edge process's inserts (without it the edge's p99 reached 727 ms). Its transactions carry up
 * to `concurrency + prefetch` runs each. In single bench runs 3 ms kept dispatch up with ingest
 * where pausing as long as each write took did not; in later alternating runs the worker still
 * finished only 0.74–0.82 × what the edge took in while the load lasted (bench/README.md).
 */
const SHARED_SQLITE_PAUSE_MS = 3;

/** The durable store: one TypeORM connection named `hookgate`, migrations run at start-up. */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      name: HOOKGATE_CONNECTION,
      inject: [HOOKGATE_CONFIG],
      useFactory: (config: HookgateConfig) => ({
        ...dataSourceOptions(config.database),
        // A wrong URL should fail start-up quickly, not after 30 s of silent retries.
        retryAttempts: 2,
        retryDelay: 1000,
      }),
      // Nothing can use the store before its schema is current.
      dataSourceFactory: async (options) => initializeAndMigrate(new DataSource(options!)),
    }),
  ],
  providers: [
    {
      provide: StoreEntitiesRef,
      inject: [HOOKGATE_CONFIG],
      useFactory: (config: HookgateConfig) => {
        const { Delivery, DeliveryBody, Run } = storeEntities(engineOfUrl(config.database.url));
        return new StoreEntitiesRef(Delivery, DeliveryBody, Run);
      },
    },
    {
      provide: StoreWriteLock,
      inject: [HOOKGATE_CONFIG],
      useFactory: (config: HookgateConfig) => {
        const sqlite = engineOfUrl(config.database.url) === 'sqlite';
        // A SQLite worker process shares the file with an edge process (see StoreWriteLock).
        const pause = sqlite && config.role === 'worker' ? SHARED_SQLITE_PAUSE_MS : 0;
        return new StoreWriteLock(sqlite, pause);
      },
    },
    StoreEvents,
    PgNotify,
    SqliteTuning,
    InboxWriter,
    DeliveryQueries,
  ],
  exports: [
    StoreEntitiesRef,
    StoreWriteLock,
    StoreEvents,
    InboxWriter,
    DeliveryQueries,
    TypeOrmModule,
  ],
})
export class StoreModule {}
