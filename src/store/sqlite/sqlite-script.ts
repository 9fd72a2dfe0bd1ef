import type { DataSource } from 'typeorm';
import { sqliteDatetime } from './sqlite-datetime';
import { sqliteDatabase } from './sqlite-driver';
import type { StatementValues } from '../sql/statement-parameters';

/**
 * Values written into the statement text as SQL literals, for a script sent with sqlite3's
 * exec(), which takes no parameters. Text is quoted (quotes doubled, the only escape SQLite's
 * string literals have); text holding a NUL, which would end the script early, goes as hex.
 */
export class ScriptLiterals implements StatementValues {
  readonly params: unknown[] = [];

  value(value: unknown): string {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'boolean') return value ? '1' : '0';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') {
      return value.includes('\u0000')
        ? `CAST(X'${Buffer.from(value, 'utf8').toString('hex')}' AS TEXT)`
        : `'${value.replaceAll("'", "''")}'`;
    }
    throw new TypeError(`No SQL literal for a value of type ${typeof value}`);
  }

  date(value: Date): string {
    return this.value(sqliteDatetime(value));
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.value(value)).join(', ');
  }
}

/**
 * Run `statements` (written with ScriptLiterals) in one call on the store's SQLite connection:
 * one trip through sqlite3's thread pool instead of one per statement, so the transaction holds
 * the connection for SQLite's own time, not for the event loop's turns between its statements
 * (docs/adr/0015-statements-sent-as-scripts.md). A failed statement ends the script; a
 * transaction it began is rolled back before the error is passed on. The caller holds the write
 * lock exclusively: until that ROLLBACK, a statement kept prepared (the inbox's) would run
 * inside the failed transaction (see PreparedStatements).
 */
export function runScript(dataSource: DataSource, statements: readonly string[]): Promise<void> {
  const database = sqliteDatabase(dataSource);
  return new Promise((resolve, reject) =>
    database.exec(statements.join(';\n'), (error) => {
      if (!error) return resolve();
      // Fails harmlessly ("no transaction is active") when the script had not begun one.
      // Sent from this callback, before sqlite3 starts the calls queued behind the script:
      // nothing queued meanwhile (reads outside the write lock) runs inside the failed
      // transaction.
      database.exec('ROLLBACK', () => reject(error));
    }),
  );
}
