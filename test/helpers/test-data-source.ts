import { DataSource, type DataSourceOptions } from 'typeorm';
import { DatabaseConfig } from '../../src/config/config.schema';
import { dataSourceOptions } from '../../src/store/data-source';
import { initializeAndMigrate } from '../../src/store/migrations-runner';
import { isolatedSchemaUrl, isPostgresUrl } from './pg-database';
import { testDatabaseUrl } from './test-app';

/**
 * The store alone, without an app, on the engine of the pass: a fresh in-memory SQLite store, or
 * a schema of its own on PostgreSQL; migrated (by `migrations` if given, else all of them).
 */
export async function migratedTestDataSource(
  migrations?: DataSourceOptions['migrations'],
): Promise<DataSource> {
  const url = isPostgresUrl(testDatabaseUrl())
    ? await isolatedSchemaUrl(testDatabaseUrl())
    : testDatabaseUrl();
  const options = dataSourceOptions(Object.assign(new DatabaseConfig(), { url }));
  const dataSource = new DataSource(migrations ? { ...options, migrations } : options);
  return initializeAndMigrate(dataSource);
}
