import type { InboxRow } from '../inbox/arrival-plan';
import { inboxParameters } from '../sql/inbox-insert-sql';
import { SQLITE_INBOX_ENCODING, sqliteInboxInsertSql } from './sqlite-inbox-sql';
import type { PreparedStatements } from './sqlite-prepared-statements';

/**
 * The inbox's hot path on SQLite: one autocommit statement on the raw sqlite3 connection (see
 * sql/inbox-insert-sql.ts), kept prepared (see PreparedStatements). Each call is a trip through
 * sqlite3's thread pool and back to the event loop, and under load each trip waits behind HTTP
 * work, so the batch takes as few as it can (docs/adr/0004-one-insert-statement-per-batch.md).
 * The caller holds the write lock (see sqliteDatabase). Resolves with the ids inserted.
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
