import { engineOfUrl } from '../../src/store/engine';
import { MIGRATIONS } from '../../src/store/migrations';
import { RunAttempts1796600000000 } from '../../src/store/migrations/1796600000000-run-attempts';
import { testDatabaseUrl } from '../helpers/test-app';
import { migratedTestDataSource } from '../helpers/test-data-source';

/** The RunAttempts migration on the engine of the pass: what it adds, and its way down. */
describe('migrating to the attempt log', () => {
  const engine = engineOfUrl(testDatabaseUrl());

  it('RunAttempts adds the attempt log and the list indexes, and its down drops them', async () => {
    const ADDED = [
      'ix_deliveries_endpoint',
      'ix_deliveries_provider',
      'ix_deliveries_provider_delivery_id',
      'ix_deliveries_type',
      'ix_run_attempts_delivery',
      'ix_run_attempts_started',
      'run_attempts_pkey',
    ];
    const upTo = MIGRATIONS.indexOf(RunAttempts1796600000000) + 1;
    const migrated = await migratedTestDataSource(MIGRATIONS.slice(0, upTo));
    const indexes = async (): Promise<string[]> => {
      const rows: { name: string }[] = await migrated.query(
        engine === 'postgres'
          ? `SELECT "indexname" AS "name" FROM pg_indexes WHERE "schemaname" = current_schema()`
          : `SELECT "name" FROM sqlite_master WHERE "type" = 'index'`,
      );
      return rows.map((row) => row.name).filter((name) => ADDED.includes(name));
    };
    try {
      expect((await indexes()).sort()).toEqual([
        ...(engine === 'sqlite' ? ['ix_deliveries_endpoint', 'ix_deliveries_provider'] : []),
        'ix_deliveries_provider_delivery_id',
        'ix_deliveries_type',
        ...(engine === 'sqlite' ? ['ix_run_attempts_delivery'] : []),
        'ix_run_attempts_started',
        ...(engine === 'postgres' ? ['run_attempts_pkey'] : []),
      ]);
      expect(await migrated.query(`SELECT COUNT(*) AS "n" FROM "run_attempts"`)).toHaveLength(1);
      await migrated.undoLastMigration({ transaction: 'all' });
      expect(await indexes()).toEqual([]);
      await expect(migrated.query(`SELECT 1 FROM "run_attempts"`)).rejects.toThrow();
    } finally {
      await migrated.destroy();
    }
  });
});
