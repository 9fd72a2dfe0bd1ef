import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config/config.schema';
import { HOOKGATE_CONNECTION } from './connection';
import { dataSourceOptions } from './data-source';
import { AttemptLog } from './dashboard/attempt-log';
import { FailureGroups } from './dashboard/failure-groups';
import { StoreActivity } from './dashboard/store-activity';
import { DeliveryQueries } from './delivery.queries';
import { DeliveryReplies } from './delivery-replies';
import { storeEntities } from './entities';
import { HandshakeSecrets } from './handshake-secrets';
import { InboxWriter } from './inbox/inbox.writer';
import { initializeAndMigrate } from './migrations-runner';
import { QueryDialect } from './query-dialect';
import { ReplayTokens } from './replay-tokens';
import { RunQueue } from './run-queue';
import { StoreEntitiesRef } from './store-entities.ref';
import { storeEngine } from './store-engine';
import { StoreEvents } from './store-events';
import { StoreMaintenance } from './store-maintenance';
import { StoreWriteLock } from './write-lock';

/**
 * The durable store: one TypeORM connection named `hookgate`, migrations run at start-up, and
 * the configured engine's adapter behind the store's ports (RunQueue, InboxWriter,
 * DeliveryQueries, StoreMaintenance). Global, so every module sees the one instance.
 */
@Global()
@Module({})
export class StoreModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    const logger = new Logger('Store');
    const engine = storeEngine(database.url);
    const { Delivery, DeliveryBody, Run } = storeEntities(engine.name);
    return {
      module: StoreModule,
      imports: [
        TypeOrmModule.forRootAsync({
          name: HOOKGATE_CONNECTION,
          useFactory: () => ({
            ...dataSourceOptions(database),
            // initializeAndMigrate retries, with errors that say what to do (not a stack per try).
            retryAttempts: 0,
            toRetry: () => false,
          }),
          // Nothing can use the store before its schema is current.
          dataSourceFactory: async (options) =>
            initializeAndMigrate(new DataSource(options!), logger),
        }),
      ],
      providers: [
        { provide: StoreEntitiesRef, useValue: new StoreEntitiesRef(Delivery, DeliveryBody, Run) },
        ...engine.providers,
        StoreEvents,
        InboxWriter,
        DeliveryQueries,
        DeliveryReplies,
        AttemptLog,
        FailureGroups,
        StoreActivity,
        StoreMaintenance,
        HandshakeSecrets,
        ReplayTokens,
      ],
      exports: [
        StoreEntitiesRef,
        StoreWriteLock,
        StoreEvents,
        InboxWriter,
        RunQueue,
        DeliveryQueries,
        DeliveryReplies,
        AttemptLog,
        FailureGroups,
        StoreActivity,
        QueryDialect,
        StoreMaintenance,
        HandshakeSecrets,
        ReplayTokens,
        TypeOrmModule,
      ],
    };
  }
}
