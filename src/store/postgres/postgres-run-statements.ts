import type { Statement, StatementValues, ValuesFactory } from '../sql/statement-parameters';
import { deliveryRefresh, dueRunWalks, leaseAssignments } from '../sql/run-statements';

/* The run queue's statements that only PostgreSQL has: row locks that skip what another holds. */

/**
 * Lease up to `limit` due runs to `owner` on PostgreSQL, oldest due first, in one statement.
 * Each walk (see dueRunWalks) locks the rows it finds, skipping those another worker holds;
 * the oldest `limit` of them are updated. The others (only when more than one kind is due)
 * stay locked until the commit, a round trip later: other workers skip them meanwhile and take
 * the next ones. MATERIALIZED keeps each locking walk a separate step that runs once
 * (docs/adr/0008-due-run-walks-instead-of-or.md). Returns each leased run's id, delivery and
 * attempt.
 */
export function postgresLeaseDueRuns(
  q: StatementValues,
  limit: number,
  owner: string,
  leaseMs: number,
  now: Date,
): string {
  const walks = dueRunWalks(q, now, limit, ' FOR UPDATE SKIP LOCKED');
  const names = ['pending', 'failed', 'expired'];
  const locked = walks.map((walk, i) => `"${names[i]}" AS MATERIALIZED (${walk})`);
  const found = names.map((name) => `SELECT * FROM "${name}"`).join(' UNION ALL ');
  const due = `SELECT "id" FROM (${found}) "found" ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}`;
  return (
    `WITH ${locked.join(', ')}, "due" AS (${due}) ` +
    `UPDATE "runs" ${leaseAssignments(q, owner, leaseMs, now)} ` +
    `WHERE "id" IN (SELECT "id" FROM "due") RETURNING "id", "delivery_id", "attempts"`
  );
}

/**
 * deliveryRefresh on PostgreSQL, the deliveries locked first, in id order: concurrent
 * transactions touching runs of one delivery then take turns (the last one reads every run
 * committed) and cannot deadlock (docs/adr/0011-delivery-status-computed-in-sql.md). `ids` must
 * be sorted; none gives no statements.
 */
export function lockedDeliveryRefresh(values: ValuesFactory, ids: readonly string[]): Statement[] {
  if (ids.length === 0) return [];
  const lock = values();
  const locking =
    `SELECT "id" FROM "deliveries" WHERE "id" IN (${lock.list(ids)}) ` +
    `ORDER BY "id" FOR NO KEY UPDATE`;
  const q = values();
  return [{ sql: locking, params: lock.params }, deliveryRefresh(q, q.list(ids))];
}
