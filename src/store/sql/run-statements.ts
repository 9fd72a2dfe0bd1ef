import type { RunOutcome, RunRecord } from '../model';
import type { Statement, StatementValues, ValuesFactory } from './statement-parameters';
import { DELIVERY_STATE_FROM_RUNS_SQL } from './delivery-status';
import { RUN_COLUMNS } from './runs';

/*
 * The run queue's statements that are the same text on both engines, as text plus values, so
 * that an adapter can send them one by one with bound parameters or as one script with
 * literals. `values()` gives a fresh StatementValues for each statement.
 */

/** Rows per statement for lists of ids (SQLite's bound-parameter limit is far above). */
export const CHUNK = 200;

/**
 * The three kinds of due run, each found by a walk of ix_runs_due (status, next_attempt_at)
 * that stops after `limit` rows: the OR of the same conditions makes the database collect every
 * due run and sort them all, on every claim, so a worker that falls behind gets slower
 * (docs/adr/0008-due-run-walks-instead-of-or.md).
 */
export function dueRunWalks(q: StatementValues, now: Date, limit: number, locking = ''): string[] {
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
 * chunk, without the CPU TypeORM's insert builder spends on its parameter bookkeeping
 * (docs/adr/0016-dispatch-sql-without-typeorm.md).
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
