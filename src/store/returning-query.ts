import type { EntityManager } from 'typeorm';
import { sqliteDatabase } from './sqlite-driver';

/**
 * The rows of a write statement with RETURNING, run inside `manager`'s transaction. TypeORM's
 * query() does not give them back uniformly: on SQLite it runs writes with sqlite3's run(),
 * which drops the rows; on PostgreSQL an UPDATE answers [rows, count]. SQLite has a single
 * connection, so the raw call runs inside the transaction TypeORM has open on it.
 */
export async function queryReturning<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  if (manager.connection.options.type === 'sqlite') {
    return new Promise((resolve, reject) =>
      sqliteDatabase(manager.connection).all<T>(sql, params, (error, rows) =>
        error ? reject(error) : resolve(rows),
      ),
    );
  }
  if (!manager.queryRunner) throw new Error('queryReturning needs a transaction');
  const result = await manager.queryRunner.query(sql, params, true);
  return result.records as T[];
}
