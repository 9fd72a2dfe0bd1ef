import type { RunOutcome } from '../model';
import type { Statement, ValuesFactory } from './statement-parameters';
import { CHUNK } from './run-statements';

/** The attempt log's columns, as the turn writes them (the id is the table's own). */
const ATTEMPT_COLUMNS = [
  'run_id',
  'delivery_id',
  'handler',
  'attempt',
  'started_at',
  'duration_ms',
  'outcome',
  'error',
  'stack',
]
  .map((column) => `"${column}"`)
  .join(', ');

/**
 * The attempt log's rows for the outcomes a turn records, one INSERT per chunk, to be sent in
 * the turn's transaction before the outcomes' updates: each row is copied from its run only
 * while `owner` still holds the run at that attempt (the guard outcomeUpdates has), so a stale
 * outcome leaves no entry either, and the run gives the handler and the delivery. A UNION ALL of
 * keyed reads is the same text on both engines (a VALUES list names its columns differently).
 */
export function attemptInserts(
  values: ValuesFactory,
  outcomes: readonly RunOutcome[],
  owner: string,
): Statement[] {
  const statements: Statement[] = [];
  for (let i = 0; i < outcomes.length; i += CHUNK) {
    const q = values();
    const reads = outcomes.slice(i, i + CHUNK).map(({ runId, attempt, logEntry: entry }) => {
      const logged =
        `${q.date(entry.startedAt)}, ${q.value(entry.durationMs)}, ${q.value(entry.outcome)}, ` +
        `${q.value(entry.error)}, ${q.value(entry.stack)}`;
      return (
        `SELECT "id", "delivery_id", "handler", "attempts", ${logged} FROM "runs" ` +
        `WHERE "id" = ${q.value(runId)} AND "lease_owner" = ${q.value(owner)} ` +
        `AND "attempts" = ${q.value(attempt)} AND "status" = 'processing'`
      );
    });
    statements.push({
      sql: `INSERT INTO "run_attempts" (${ATTEMPT_COLUMNS}) ${reads.join(' UNION ALL ')}`,
      params: q.params,
    });
  }
  return statements;
}
