import type { DataSource } from 'typeorm';
import type { InboxRow } from '../inbox/arrival-plan';
import { INBOX_COLUMNS } from '../sql/columns';
import { inboxParameters } from '../sql/inbox-insert-sql';
import { POSTGRES_INBOX_ENCODING, postgresInboxInsertSql } from './postgres-inbox-sql';
import { withPooledConnection } from './postgres-connection';
import { retryTransientConflicts } from '../transient-conflict';

/**
 * The sizes (rows) of the inbox's prepared statements. A batch is padded with empty rows to the
 * next size, so a connection keeps at most this many statements however batch sizes vary. The
 * padding is always fewer rows than the batch, and a NULL parameter is sent as a length alone.
 */
export const PREPARED_INBOX_ROWS = [
  1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 160, 200,
] as const;

/** The prepared statement's size for a batch of `rows`, or undefined (sent unprepared). */
export function preparedInboxRows(rows: number): number | undefined {
  return PREPARED_INBOX_ROWS.find((size) => size >= rows);
}

/**
 * The inbox's hot path on PostgreSQL: one autocommit statement on a pooled connection (see
 * sql/inbox-insert-sql.ts). Resolves with the ids that were inserted.
 *
 * It is a named prepared statement, parsed and planned once per connection rather than per
 * batch, since the server shares the gateway's cores; padding keeps it to a few sizes
 * (docs/adr/0023-postgresql-prepared-inbox-statements.md). Without `prepared`
 * (database.preparedStatements: false) each batch is an unnamed statement of its own size.
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
  options: { prepared: boolean },
): Promise<Set<string>> {
  const ordered = [...rows].sort(byDedupeKey);
  const prepared = options.prepared ? preparedInboxRows(ordered.length) : undefined;
  const statementRows = prepared ?? ordered.length;
  const padding = (statementRows - ordered.length) * INBOX_COLUMNS.length;
  const values = inboxParameters(ordered, POSTGRES_INBOX_ENCODING);
  for (let i = 0; i < padding; i++) values.push(null);
  const query = {
    name: prepared === undefined ? undefined : `hookgate_inbox_${prepared}`,
    text: postgresInboxInsertSql(statementRows),
    values,
  };
  const inserted = await retryTransientConflicts(() => sendOnFreshStatement(dataSource, query));
  return new Set(inserted.map((row) => row.id));
}

/**
 * Errors of a connection's prepared statement rather than of the batch: the server session no
 * longer has it (26000; a transaction-mode pooler switched sessions) or already had one of the
 * name (42P05), or a migration changed the type of a column it returns (0A000, "cached plan must
 * not change result type"). node-postgres still counts the statement as prepared on that
 * connection, so every later batch of that size on it would fail the same way.
 */
const STATEMENT_FAULTS = new Set(['26000', '42P05', '0A000']);

/**
 * Send the inbox statement; when its connection's prepared statement is at fault, drop that
 * connection and send it once more on another. Safe: the failed statement stored nothing.
 */
async function sendOnFreshStatement(
  dataSource: DataSource,
  query: { name?: string; text: string; values: unknown[] },
): Promise<{ id: string }[]> {
  const send = () =>
    withPooledConnection(dataSource, async (held) => {
      try {
        return (await held.client.query<{ id: string }>(query)).rows;
      } catch (error) {
        if (query.name !== undefined && isStatementFault(error)) held.broken = error as Error;
        throw error;
      }
    });
  try {
    return await send();
  } catch (error) {
    if (query.name === undefined || !isStatementFault(error)) throw error;
    return send();
  }
}

function isStatementFault(error: unknown): boolean {
  return STATEMENT_FAULTS.has((error as { code?: string } | null)?.code ?? '');
}

/** Rows without a key never conflict; the others by provider, endpoint, provider delivery id. */
function byDedupeKey(a: InboxRow, b: InboxRow): number {
  return (
    compare(a.providerDeliveryId === null, b.providerDeliveryId === null) ||
    compare(a.provider, b.provider) ||
    compare(a.endpoint, b.endpoint) ||
    compare(a.providerDeliveryId ?? '', b.providerDeliveryId ?? '')
  );
}

function compare<T extends string | boolean>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
