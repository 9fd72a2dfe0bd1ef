import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * `dataSource.transaction(work)`, except that a failed transaction never leaves the connection
 * believing it is still inside one. SQLite rolls a transaction back by itself on some errors
 * (SQLITE_FULL, I/O errors); TypeORM's own ROLLBACK then fails, and its single shared SQLite
 * query runner would keep counting a transaction that no longer exists: every later
 * transaction would become a SAVEPOINT inside it, committed by nobody, and deliveries
 * acknowledged meanwhile would be lost at the next rollback.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.startTransaction();
    const result = await work(runner.manager);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) {
      await runner.rollbackTransaction().catch(() => forgetTransaction(runner));
    }
    throw error;
  } finally {
    await runner.release();
  }
}

/** The database has no transaction open any more (it rolled back): make the runner agree. */
function forgetTransaction(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = false;
  state.transactionDepth = 0;
}
