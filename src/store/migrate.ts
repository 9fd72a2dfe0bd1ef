import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../config/config.loader';
import { dataSourceOptions } from './data-source';
import { storeEngine } from './store-engine';
import { runPendingMigrations } from './migrations-runner';

/**
 * `npm run migrate`: bring the store's schema up to date and exit, with the config the gateway
 * would use (HOOKGATE_CONFIG, DATABASE_URL). The gateway also migrates at start-up; this is
 * for deployments that migrate in a separate step before rolling out new processes.
 */
export async function migrate(): Promise<number> {
  const logger = new Logger('Migrate');
  let url: string;
  let options;
  try {
    const { config } = loadConfig();
    url = config.database.url;
    options = dataSourceOptions(config.database);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.error(error.message);
    return 78; // EX_CONFIG
  }
  // Migrated below, to say what was applied (SQLite's initialize() would do it silently).
  const dataSource = new DataSource({ ...options, migrationsRun: false });
  try {
    await dataSource.initialize();
    const applied = await runPendingMigrations(dataSource);
    const names = applied.map((m) => m.name).join(', ');
    logger.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s) on ${storeEngine(url).name}: ${names}`
        : `The ${storeEngine(url).name} schema is up to date`,
    );
    return 0;
  } catch (error) {
    logger.error(`Migration failed: ${(error as Error).message}`);
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}

if (require.main === module) {
  void migrate().then((code) => process.exit(code));
}
