import type { Database } from 'sqlite3';
import type { DeliveryRecord } from './entities';
import { inboxInsertSql, inboxParameters } from './inbox-insert-sql';
import { sqliteDatetime } from './sqlite-datetime';

/**
 * The inbox's hot path on SQLite, on the raw sqlite3 connection (see inbox-insert-sql.ts). One
 * statement is one hop through sqlite3's thread pool and back to the event loop; under load each
 * hop waits behind a turn of HTTP work, which is why BEGIN / INSERT / COMMIT as three statements
 * (six hops) was the gateway's bottleneck.
 *
 * The caller holds the store's write lock, so TypeORM has no transaction open on the shared
 * connection (checked anyway: the insert would silently join it).
 * Resolves with the ids that were inserted.
 */
export function insertDeliveriesSqlite(
  db: Database,
  rows: readonly DeliveryRecord[],
): Promise<Set<string>> {
  const parameters = inboxParameters(rows, sqliteDatetime, (value) => (value ? 1 : 0));
  return new Promise((resolve, reject) => {
    db.all<{ id: string }>(inboxInsertSql(rows.length, 'sqlite'), parameters, (error, ids) => {
      if (error) reject(error);
      else resolve(new Set(ids.map((row) => row.id)));
    });
  });
}
