import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/config.schema';
import { engineOfUrl } from './engine';
import { storeEntities } from './entities';
import { MIGRATIONS } from './migrations';
import { sqlite3WithoutTraces } from './sqlite/sqlite-driver';

/** The TypeORM connection name, so Hookgate never collides with a host app's own connection. */
export const HOOKGATE_CONNECTION = 'hookgate';

/**
 * Build the DataSource options for `database.url`. Migrations are run by initializeAndMigrate
 * (at start-up, or `npm run migrate`), so that processes starting together on PostgreSQL take
 * turns instead of racing to create the tables.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const engine = engineOfUrl(database.url);
  const { Delivery, DeliveryBody, Run } = storeEntities(engine);
  const common = {
    name: HOOKGATE_CONNECTION,
    entities: [Delivery, DeliveryBody, Run],
    migrations: MIGRATIONS,
    // SQLite also migrates on every initialize(), so an in-memory store that is closed and
    // opened again gets its tables back; PostgreSQL only in initializeAndMigrate, under a lock.
    migrationsRun: engine === 'sqlite',
    migrationsTableName: 'hookgate_migrations',
    synchronize: false,
  };

  if (engine === 'postgres') {
    return {
      type: 'postgres',
      url: database.url,
      // Per process: processes x poolSize (+1 each for LISTEN) must stay under max_connections.
      poolSize: database.poolSize,
      applicationName: 'hookgate',
      ...common,
    };
  }
  const path = database.url.slice('sqlite:'.length);
  const inMemory = path === ':memory:';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  return {
    type: 'sqlite',
    driver: sqlite3WithoutTraces,
    database: path,
    // WAL: readers never block the writer, and commits append instead of rewriting pages.
    enableWAL: !inMemory,
    busyTimeout: 5000,
    ...common,
  };
}
