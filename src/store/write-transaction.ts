import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/**
 * `dataSource.transaction(work)`, with two differences on SQLite.
 *
 * It begins IMMEDIATE, taking SQLite's write lock before its first statement (waiting in the
 * busy handler like any writer): a deferred transaction that reads first fails with SQLITE_BUSY
 * at once, without waiting, when another connection (an edge process on the same file)
 * committed in between.
 *
 * A failed transaction never leaves the connection believing it is still inside one. SQLite
 * rolls back by itself on some errors (SQLITE_FULL, I/O errors); TypeORM's own ROLLBACK then
 * fails, and its one SQLite query runner would keep counting a transaction that no longer
 * exists: every later one would become a SAVEPOINT inside it, committed by nobody, and
 * deliveries acknowledged meanwhile would be lost at the next rollback.
 */
export async function writeTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  try {
    if (dataSource.options.type === 'sqlite') await beginImmediate(runner);
    else await runner.startTransaction();
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

/** The runner's view of its transaction, which TypeORM keeps in these two fields. */
type TransactionState = { isTransactionActive: boolean; transactionDepth: number };

/**
 * BEGIN IMMEDIATE, then the state TypeORM's own startTransaction leaves (it only issues a
 * deferred BEGIN), so that its commit and rollback work as usual.
 */
async function beginImmediate(runner: QueryRunner): Promise<void> {
  const state = runner as unknown as TransactionState;
  if (state.isTransactionActive) {
    throw new Error('a transaction is already open on the SQLite connection');
  }
  await runner.query('BEGIN IMMEDIATE TRANSACTION');
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}

/** The database has no transaction open any more (it rolled back): make the runner agree. */
function forgetTransaction(runner: QueryRunner): void {
  const state = runner as unknown as TransactionState;
  state.isTransactionActive = false;
  state.transactionDepth = 0;
}
