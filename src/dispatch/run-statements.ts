import type { RunRecord, RunStatus } from '../store/entities';
import { newId } from '../store/ids';
import { storedDate } from '../store/sqlite-datetime';
import type { Statement, StatementValues } from '../store/statement-parameters';
import { DELIVERY_STATE_FROM_RUNS_SQL } from './delivery-status';
import type { RunOutcome } from './run.store';

/**
 * The write statements of the dispatch side, as text plus values, so that RunStore can send
 * them one by one (PostgreSQL, and SQLite with bound parameters) or as one SQLite script
 * (ScriptLiterals). `values()` gives a fresh StatementValues for each statement.
 */
export type ValuesFactory = () => StatementValues;

/** Rows per statement for lists of ids (SQLite's bound-parameter limit is far above). */
export const CHUNK = 200;

/**
 * The due runs on SQLite, as three index walks on ix_runs_due (status, next_attempt_at) that
 * each stop after `limit` rows. The OR of the same conditions makes SQLite collect every due
 * run and sort them all, on every claim: with 10,000 runs waiting, that scan was the drain's
 * bottleneck. (PostgreSQL keeps the OR: FOR UPDATE SKIP LOCKED is not allowed with UNION.)
 */
export function sqliteDueRunIds(q: StatementValues, now: Date, limit: number): string {
  const walks = [
    `SELECT id FROM (SELECT id FROM runs WHERE status = 'pending' AND next_attempt_at <= ${q.date(now)} ORDER BY next_attempt_at LIMIT ${q.value(limit)})`,
    `SELECT id FROM (SELECT id FROM runs WHERE status = 'failed' AND next_attempt_at <= ${q.date(now)} ORDER BY next_attempt_at LIMIT ${q.value(limit)})`,
    // A crashed or stuck owner's lease has run out: take the run over.
    `SELECT id FROM (SELECT id FROM runs WHERE status = 'processing' AND lease_expires_at <= ${q.date(now)} LIMIT ${q.value(limit)})`,
  ];
  return (
    `SELECT "id" FROM "runs" WHERE "id" IN (${walks.join(' UNION ALL ')}) ` +
    `ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}`
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
 * Insert new runs (made by newRun: no lease, error or finish yet), skipping any a concurrent
 * planner already made for the same (delivery, handler). One raw multi-row INSERT per chunk:
 * TypeORM's insert builder spent more CPU on its parameter bookkeeping than the store did.
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
          `NULL, NULL, NULL, ${q.date(run.createdAt)}, ${q.date(run.updatedAt)}, NULL)`,
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

export function newRun(deliveryId: string, handler: string, now: Date): RunRecord {
  return {
    id: newId(),
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

/** The columns of a run, as a raw statement returns them. */
export const RUN_COLUMN_NAMES = [
  'id',
  'delivery_id',
  'handler',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_expires_at',
  'last_error',
  'created_at',
  'updated_at',
  'finished_at',
];

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
