import * as sqlite3 from 'sqlite3';
import type { DataSource } from 'typeorm';

/**
 * The sqlite3 module as TypeORM's `driver`, minus "verbose" mode. TypeORM calls
 * `sqlite3.verbose()`, which wraps every Database and Statement method so that each call captures
 * a stack trace and `util.inspect`s its arguments: for the inbox that is ~25 request bodies per
 * batch, about 6% of the gateway's CPU under load. Errors keep SQLite's message and code; only
 * the JavaScript call site is missing from their stack.
 */
export const sqlite3WithoutTraces: typeof sqlite3 = Object.create(sqlite3, {
  verbose: { value: () => sqlite3WithoutTraces },
});

/**
 * The sqlite3 Database TypeORM opened for `dataSource` (a field of its SQLite driver): the one
 * connection every SQLite statement goes through, for the paths that bypass TypeORM (the inbox's
 * insert, statement scripts). Those calls are made under the write lock, so no TypeORM
 * transaction can be open: an autocommit insert would silently join it and be lost with
 * its rollback, and a script's ROLLBACK would end it. Checked anyway; a bug if it ever fires.
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
