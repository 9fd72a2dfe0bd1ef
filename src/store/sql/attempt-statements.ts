import type { RunOutcome } from '../model';
import type { Statement, ValuesFactory } from './statement-parameters';
import { CHUNK } from './run-statements';

/** What the turn knows of each attempt, as the columns of the statement's VALUES list. */
const LOGGED = ['run_id', 'attempt', 'started_at', 'duration_ms', 'outcome', 'error', 'stack'];

const quoted = (columns: readonly string[]) => columns.map((column) => `"${column}"`).join(', ');

/**
 * The attempt log's rows for the outcomes a turn records, one INSERT per chunk, to be sent in
 * the turn's transaction before the outcomes' updates: each row is joined to its run only while
 * `owner` still holds the run at that attempt (the guard outcomeUpdates has), so a stale outcome
 * leaves no entry either, and the run gives the handler and the delivery. The values are a
 * VALUES list named by a CTE, the same text on both engines. `materialized` (PostgreSQL): the
 * list is evaluated once, rather than again for each run its join tries; SQLite reads it once
 * anyway, and would build a temporary table for it.
 */
export function attemptInserts(
  values: ValuesFactory,
  outcomes: readonly RunOutcome[],
  owner: string,
  materialized: boolean,
): Statement[] {
  const as = materialized ? 'AS MATERIALIZED' : 'AS';
  const statements: Statement[] = [];
  for (let i = 0; i < outcomes.length; i += CHUNK) {
    const q = values();
    const rows = outcomes.slice(i, i + CHUNK).map(({ runId, attempt, logEntry: entry }) => {
      const logged = [
        q.value(runId),
        q.value(attempt),
        q.date(entry.startedAt),
        q.value(entry.durationMs),
        q.value(entry.outcome),
        q.value(entry.error),
        q.value(entry.stack),
      ];
      return `(${logged.join(', ')})`;
    });
    const sql =
      `INSERT INTO "run_attempts" ("run_id", "delivery_id", "handler", ${quoted(LOGGED.slice(1))}) ` +
      `WITH "logged" (${quoted(LOGGED)}) ${as} (VALUES ${rows.join(', ')}) ` +
      `SELECT r."id", r."delivery_id", r."handler", ` +
      `${LOGGED.slice(1)
        .map((column) => `l."${column}"`)
        .join(', ')} ` +
      `FROM "logged" l JOIN "runs" r ON r."id" = l."run_id" ` +
      `WHERE r."lease_owner" = ${q.value(owner)} AND r."attempts" = l."attempt" ` +
      `AND r."status" = 'processing'`;
    statements.push({ sql, params: q.params });
  }
  return statements;
}
