import type { DataSource } from 'typeorm';
import type { InboxRow } from './arrival-plan';
import { inboxInsertSql, inboxParameters } from './inbox-insert-sql';
import { retryTransientConflicts } from './transient-conflict';

/**
 * The inbox's hot path on PostgreSQL: one autocommit statement on a pooled connection (see
 * inbox-insert-sql.ts) instead of BEGIN / INSERT / COMMIT, three round trips. Resolves with the
 * ids that were inserted.
 *
 * Two batches may be committing at once (GroupCommit), and a row whose de-duplication key
 * another statement has just inserted waits for that statement. Rows therefore go in key order,
 * so two batches holding copies of the same deliveries wait for each other in one direction
 * only; a deadlock PostgreSQL still reports (another process's batch) runs the statement again,
 * which is safe: an aborted autocommit statement left nothing behind.
 */
export async function insertDeliveriesPostgres(
  dataSource: DataSource,
  rows: readonly InboxRow[],
): Promise<Set<string>> {
  const ordered = [...rows].sort(byDedupeKey);
  const parameters = inboxParameters(ordered, 'postgres');
  const sql = inboxInsertSql(ordered.length, 'postgres');
  const inserted: { id: string }[] = await retryTransientConflicts(() =>
    dataSource.query(sql, parameters),
  );
  return new Set(inserted.map((row) => row.id));
}

/** Rows without a key never conflict; the others by endpoint, then provider delivery id. */
function byDedupeKey(a: InboxRow, b: InboxRow): number {
  return (
    compare(a.providerDeliveryId === null, b.providerDeliveryId === null) ||
    compare(a.endpoint, b.endpoint) ||
    compare(a.providerDeliveryId ?? '', b.providerDeliveryId ?? '')
  );
}

function compare<T extends string | boolean>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
