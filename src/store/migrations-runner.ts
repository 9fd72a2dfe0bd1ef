import { DataSource, Migration, MigrationExecutor } from 'typeorm';
import { redactStoreUrl, StoreMigrationError, StoreUnreachableError } from './store-errors';

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

/** How often, and how far apart, start-up tries to reach the store before giving up. */
export const CONNECT_ATTEMPTS = 3;
export const CONNECT_RETRY_MS = 1000;

/** Where start-up says what the store is doing: a retry (warn), the migrations applied (log). */
export interface StoreStartupLog {
  warn(message: string): void;
  log(message: string): void;
}

const SILENT: StoreStartupLog = { warn: () => undefined, log: () => undefined };

/**
 * Connect and migrate; a half-open DataSource is closed again if migrating fails. A store that
 * does not answer is tried CONNECT_ATTEMPTS times (a database that starts beside the gateway
 * may need a moment), then is a StoreUnreachableError; a failed migration a StoreMigrationError.
 */
export async function initializeAndMigrate(
  dataSource: DataSource,
  log: StoreStartupLog = SILENT,
): Promise<DataSource> {
  // SQLite migrates on every initialize() (sqlite-engine.ts); here connecting comes first, so
  // that a failed migration is not taken for a store that does not answer.
  const { migrationsRun } = dataSource.options;
  dataSource.setOptions({ migrationsRun: false });
  try {
    await connect(dataSource, log);
  } finally {
    dataSource.setOptions({ migrationsRun });
  }
  try {
    const pending = await new MigrationExecutor(dataSource).getPendingMigrations();
    let applied: Migration[];
    try {
      applied = await runPendingMigrations(dataSource);
    } catch (error) {
      throw new StoreMigrationError(
        `Migrating the store failed (pending: ${pending.map((m) => m.name).join(', ')}; all ` +
          `rolled back): ${causeOf(error)}. Fix the cause and start again, or restore the ` +
          'store from its backup (docs/upgrading.md).',
      );
    }
    if (applied.length > 0) {
      log.log(`Applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}`);
    }
  } catch (error) {
    await dataSource.destroy().catch(() => undefined);
    throw error;
  }
  return dataSource;
}

async function connect(dataSource: DataSource, log: StoreStartupLog): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.initialize();
      return;
    } catch (error) {
      const why = `Cannot reach the store at ${storeAddress(dataSource)}: ${causeOf(error)}`;
      if (attempt >= CONNECT_ATTEMPTS) {
        throw new StoreUnreachableError(
          `${why}. Start the database, or fix database.url (DATABASE_URL overrides it).`,
        );
      }
      log.warn(
        `${why}; trying again in ${CONNECT_RETRY_MS} ms (${attempt} of ${CONNECT_ATTEMPTS})`,
      );
      await new Promise((resolve) => setTimeout(resolve, CONNECT_RETRY_MS));
    }
  }
}

/** Where the store is, without a password. */
function storeAddress(dataSource: DataSource): string {
  const options = dataSource.options as { url?: string; database?: unknown };
  return redactStoreUrl(options.url ?? String(options.database ?? 'the configured database'));
}

/** The driver's message on one line (an AggregateError's first, for a host with two addresses). */
function causeOf(error: unknown): string {
  const first = error instanceof AggregateError && error.errors.length ? error.errors[0] : error;
  const text = first instanceof Error ? first.message || first.name : String(first);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
