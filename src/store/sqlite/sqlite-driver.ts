import * as sqlite3 from 'sqlite3';
import type { DataSource } from 'typeorm';

/**
 * The sqlite3 module as TypeORM's `driver`, minus "verbose" mode. TypeORM calls
 * `sqlite3.verbose()`, which makes every call capture a stack trace and `util.inspect` its
 * arguments: for the inbox, every request body of a batch
 * (docs/adr/0005-sqlite3-without-verbose-mode.md). Errors keep SQLite's message and code; only
 * the JavaScript call site is missing from their stack.
 */
export const sqlite3WithoutTraces: typeof sqlite3 = Object.create(sqlite3, {
  verbose: { value: () => sqlite3WithoutTraces },
});

/**
 * The sqlite3 Database TypeORM opened for `dataSource`: the one connection, for the paths that
 * bypass TypeORM (the inbox's insert, scripts). They run under the write lock, so no TypeORM
 * transaction can be open: an autocommit insert would silently join it and be lost with its
 * rollback, and a script's ROLLBACK would end it. Checked anyway; a bug if it ever fires.
 */
export function sqliteDatabase(dataSource: DataSource): sqlite3.Database {
  const driver = dataSource.driver as unknown as {
    databaseConnection: sqlite3.Database;
    queryRunner?: { isTransactionActive: boolean };
  };
  if (driver.queryRunner?.isTransactionActive) {
    throw new Error(
      'a TypeORM transaction is open on the SQLite connection outside the write lock',
    );
  }
  return driver.databaseConnection;
}
