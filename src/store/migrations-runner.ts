import { DataSource, Migration, MigrationExecutor } from 'typeorm';

/**
 * Run the pending migrations, each batch in one transaction. On PostgreSQL several processes
 * may start at once on a fresh database: an advisory lock (per schema) lets one migrate while
 * the others wait and then find nothing left to do.
 */
export async function runPendingMigrations(dataSource: DataSource): Promise<Migration[]> {
  if (dataSource.options.type !== 'postgres') {
    return dataSource.runMigrations({ transaction: 'all' });
  }
  const runner = dataSource.createQueryRunner();
  const lockKey = "hashtext('hookgate_migrations:' || current_schema())";
  try {
    await runner.connect();
    await runner.query(`SELECT pg_advisory_lock(${lockKey})`);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'all';
      return await executor.executePendingMigrations();
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${lockKey})`);
    }
  } finally {
    await runner.release();
  }
}

/** Connect and migrate; a half-open DataSource is closed again if migrating fails. */
export async function initializeAndMigrate(dataSource: DataSource): Promise<DataSource> {
  await dataSource.initialize();
  try {
    await runPendingMigrations(dataSource);
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}
