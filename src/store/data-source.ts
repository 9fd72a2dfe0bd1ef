import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.schema';
import { HOOKGATE_CONNECTION } from './connection';
import { storeEntities } from './entities';
import { MIGRATIONS } from './migrations';
import { storeEngine } from './store-engine';

export { HOOKGATE_CONNECTION };

/**
 * Build the DataSource options for `database.url`. Migrations are run by initializeAndMigrate
 * (at start-up, or `npm run migrate`), so that processes starting together on PostgreSQL take
 * turns instead of racing to create the tables.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const engine = storeEngine(database.url);
  const { Delivery, DeliveryBody, Run } = storeEntities(engine.name);
  return {
    name: HOOKGATE_CONNECTION,
    entities: [Delivery, DeliveryBody, Run],
    migrations: MIGRATIONS,
    migrationsTableName: 'hookgate_migrations',
    synchronize: false,
    // TypeORM's own lines (a migration applied or failed) would be plain text in a JSON log:
    // they go to the `debug` module (DEBUG=typeorm:*); the store logs what matters itself.
    logger: 'debug',
    ...engine.connectionOptions(database),
  } as DataSourceOptions;
}
