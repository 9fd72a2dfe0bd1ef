import type { InboxRow } from '../inbox/arrival-plan';
import { inboxParameters } from '../sql/inbox-insert-sql';
import { SQLITE_INBOX_ENCODING, sqliteInboxInsertSql } from './sqlite-inbox-sql';
import type { PreparedStatements } from './sqlite-prepared-statements';

/**
 * The inbox's hot path on SQLite, on the raw sqlite3 connection (see sql/inbox-insert-sql.ts),
 * with the statement kept prepared (see PreparedStatements). Each call is a hop through
 * sqlite3's thread pool and back to the event loop; under load each hop waits behind a turn of
 * HTTP work, which is why BEGIN / INSERT / COMMIT as three statements (six hops) was the
 * gateway's bottleneck, and why the prepare is not a hop of its own.
 *
 * The caller holds the store's write lock, so TypeORM has no transaction open on the shared
 * connection (checked anyway: the insert would silently join it).
 * Resolves with the ids that were inserted.
 */
export async function insertDeliveriesSqlite(
  statements: PreparedStatements,
  rows: readonly InboxRow[],
): Promise<Set<string>> {
  const sql = sqliteInboxInsertSql(rows.length);
  const ids = await statements.all<{ id: string }>(
    sql,
    inboxParameters(rows, SQLITE_INBOX_ENCODING),
  );
  return new Set(ids.map((row) => row.id));
}
