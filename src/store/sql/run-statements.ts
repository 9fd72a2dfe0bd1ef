import type { RunRecord, RunStatus } from '../entities';
import { newId } from '../ids';
import { RUN_COLUMN_NAMES } from './inbox-insert-sql';
import { storedDate } from '../sqlite/sqlite-datetime';
import type { Statement, StatementValues } from './statement-parameters';
import { DELIVERY_STATE_FROM_RUNS_SQL } from './delivery-status';
import type { RunOutcome } from '../run-store';

/**
 * The write statements of the dispatch side, as text plus values, so that RunStore can send
 * them one by one (PostgreSQL, and SQLite with bound parameters) or as one SQLite script
 * (ScriptLiterals). `values()` gives a fresh StatementValues for each statement.
 */
export type ValuesFactory = () => StatementValues;

/** Rows per statement for lists of ids (SQLite's bound-parameter limit is far above). */
export const CHUNK = 200;

/**
 * The three kinds of due run, each found by a walk of ix_runs_due (status, next_attempt_at)
 * that stops after `limit` rows: the OR of the same conditions makes the database collect every
 * due run and sort them all, on every claim (with 10,000 runs waiting, that scan was SQLite's
 * drain bottleneck, and it cost PostgreSQL ~1 ms per 1,000 waiting runs per claim).
 */
function dueRunWalks(q: StatementValues, now: Date, limit: number, locking = ''): string[] {
  const columns = `SELECT "id", "next_attempt_at" FROM "runs"`;
  const due = `"next_attempt_at" <= ${q.date(now)}`;
  return [
    `${columns} WHERE "status" = 'pending' AND ${due} ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}${locking}`,
    `${columns} WHERE "status" = 'failed' AND ${due} ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}${locking}`,
    // A crashed or stuck owner's lease has run out: take the run over.
    `${columns} WHERE "status" = 'processing' AND "lease_expires_at" <= ${q.date(now)} LIMIT ${q.value(limit)}${locking}`,
  ];
}

/**
 * What planning reads: up to `limit` deliveries that have no runs yet, oldest first (a walk of
 * ix_deliveries_planned). `locking`: PostgreSQL's clause that skips those another worker is
 * planning.
 */
export function unplannedDeliveriesSql(q: StatementValues, limit: number, locking = ''): string {
  return (
    `SELECT "id", "provider", "endpoint", "type" FROM "deliveries" ` +
    `WHERE "planned" = ${q.value(false)} ORDER BY "id" LIMIT ${q.value(limit)}${locking}`
  );
}

/** The ids of up to `limit` due runs on SQLite, oldest due first (see dueRunWalks). */
export function sqliteDueRunIds(q: StatementValues, now: Date, limit: number): string {
  const walks = dueRunWalks(q, now, limit).map((walk) => `SELECT "id" FROM (${walk})`);
  return (
    `SELECT "id" FROM "runs" WHERE "id" IN (${walks.join(' UNION ALL ')}) ` +
    `ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}`
  );
}

/**
 * Lease up to `limit` due runs to `owner` on PostgreSQL, oldest due first, in one statement.
 * Each walk (see dueRunWalks) locks the rows it finds, skipping those another worker holds;
 * the oldest `limit` of them are updated. The others (only when more than one kind is due)
 * stay locked until the commit, a round trip later: other workers skip them meanwhile and
 * take the next ones.
 * MATERIALIZED keeps each locking walk a separate step that runs once. Returns each leased
 * run's id, delivery and attempt.
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

/** The SET clause that leases a run to `owner` and counts its attempt. */
export function leaseAssignments(
  q: StatementValues,
  owner: string,
  leaseMs: number,
  now: Date,
): string {
  return (
    `SET "attempts" = "attempts" + 1, "status" = 'processing', ` +
    `"lease_owner" = ${q.value(owner)}, ` +
    `"lease_expires_at" = ${q.date(new Date(now.getTime() + leaseMs))}, ` +
    `"updated_at" = ${q.date(now)}`
  );
}

/**
 * Outcomes that write the same values share one UPDATE (a batch of successes is one
 * statement); each row is only touched while `owner` still holds it for that attempt, so a
 * stale outcome (the lease ran out and another worker took the run) changes nothing.
 */
export function outcomeUpdates(
  values: ValuesFactory,
  outcomes: readonly RunOutcome[],
  owner: string,
  now: Date,
): Statement[] {
  const groups = new Map<string, { outcome: RunOutcome; ids: string[] }>();
  for (const outcome of outcomes) {
    const key = JSON.stringify([
      outcome.attempt,
      outcome.status,
      outcome.nextAttemptAt ?? null,
      outcome.error ?? null,
    ]);
    const group = groups.get(key) ?? { outcome, ids: [] };
    group.ids.push(outcome.runId);
    groups.set(key, group);
  }
  const statements: Statement[] = [];
  for (const { outcome, ids } of groups.values()) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const q = values();
      const sql =
        `UPDATE "runs" SET "status" = ${q.value(outcome.status)}, ` +
        `"next_attempt_at" = ${q.date(outcome.nextAttemptAt ?? now)}, ` +
        `"last_error" = ${q.value(outcome.error ?? null)}, ` +
        `"lease_owner" = NULL, "lease_expires_at" = NULL, "updated_at" = ${q.date(now)}, ` +
        `"finished_at" = ${outcome.status === 'failed' ? 'NULL' : q.date(now)} ` +
        `WHERE "id" IN (${q.list(ids.slice(i, i + CHUNK))}) AND "lease_owner" = ${q.value(owner)} ` +
        `AND "attempts" = ${q.value(outcome.attempt)} AND "status" = 'processing'`;
      statements.push({ sql, params: q.params });
    }
  }
  return statements;
}

/**
 * Insert new runs (made by newRun, and maybe leased: no error or finish yet), skipping any a
 * concurrent planner already made for the same (delivery, handler). One raw multi-row INSERT per
 * chunk: TypeORM's insert builder spent more CPU on its parameter bookkeeping than the store did.
 */
export function runInserts(values: ValuesFactory, runs: readonly RunRecord[]): Statement[] {
  const statements: Statement[] = [];
  for (let i = 0; i < runs.length; i += CHUNK) {
    const q = values();
    const rows = runs
      .slice(i, i + CHUNK)
      .map(
        (run) =>
          `(${q.value(run.id)}, ${q.value(run.deliveryId)}, ${q.value(run.handler)}, ` +
          `${q.value(run.status)}, ${q.value(run.attempts)}, ${q.date(run.nextAttemptAt)}, ` +
          `${q.value(run.leaseOwner)}, ${run.leaseExpiresAt ? q.date(run.leaseExpiresAt) : 'NULL'}, ` +
          `NULL, ${q.date(run.createdAt)}, ${q.date(run.updatedAt)}, NULL)`,
      );
    statements.push({
      sql: `INSERT INTO "runs" (${RUN_COLUMNS}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
      params: q.params,
    });
  }
  return statements;
}

/** Keep deliveries' status and attempts in step with their runs (see delivery-status.ts). */
export function deliveryRefresh(q: StatementValues, idsSql: string): Statement {
  return {
    sql: `UPDATE "deliveries" SET ${DELIVERY_STATE_FROM_RUNS_SQL} WHERE "id" IN (${idsSql})`,
    params: q.params,
  };
}

/**
 * deliveryRefresh on PostgreSQL, the deliveries locked first, in id order: concurrent
 * transactions touching runs of one delivery then take turns (the last one reads every run
 * committed) and cannot deadlock. `ids` must be sorted; none gives no statements.
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

/**
 * A new run (see newRun) leased to `lease.owner` until `lease.expiresAt` at its first attempt:
 * how the inbox stores runs on arrival and how planning writes those it leases.
 */
export function newLeasedRun(
  deliveryId: string,
  handler: string,
  now: Date,
  lease: { owner: string; expiresAt: Date },
  id = newId(),
): RunRecord {
  return {
    ...newRun(deliveryId, handler, now, id),
    status: 'processing',
    attempts: 1,
    leaseOwner: lease.owner,
    leaseExpiresAt: lease.expiresAt,
  };
}

/** A new run of `handler` on a delivery, due `now`, not leased. */
export function newRun(deliveryId: string, handler: string, now: Date, id = newId()): RunRecord {
  return {
    id,
    deliveryId,
    handler,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  };
}

export function resetFields(now: Date): Partial<RunRecord> {
  return {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    leaseOwner: null,
    leaseExpiresAt: null,
    finishedAt: null,
    updatedAt: now,
  };
}

/** RUN_COLUMN_NAMES quoted, for a statement's column list. */
export const RUN_COLUMNS = RUN_COLUMN_NAMES.map((column) => `"${column}"`).join(', ');

export interface RunRow {
  id: string;
  delivery_id: string;
  handler: string;
  status: RunStatus;
  attempts: number;
  next_attempt_at: Date | string;
  lease_owner: string | null;
  lease_expires_at: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

export function runFromRow(row: RunRow): RunRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    handler: row.handler,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: storedDate(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at === null ? null : storedDate(row.lease_expires_at),
    lastError: row.last_error,
    createdAt: storedDate(row.created_at),
    updatedAt: storedDate(row.updated_at),
    finishedAt: row.finished_at === null ? null : storedDate(row.finished_at),
  };
}
