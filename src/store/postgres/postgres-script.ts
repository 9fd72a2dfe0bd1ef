import { escapeLiteral, type QueryResult } from 'pg';
import type { DataSource } from 'typeorm';
import { withPooledConnection } from './postgres-connection';
import type { StatementValues } from '../sql/statement-parameters';

/**
 * Values written into the statement text as PostgreSQL literals, for statements sent together
 * as one simple query, which takes no parameters. Text goes through pg's escapeLiteral (pg
 * always connects with client_encoding UTF8).
 */
export class PostgresLiterals implements StatementValues {
  readonly params: unknown[] = [];

  value(value: unknown): string {
    if (value === null || value === undefined) return 'NULL';
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value === 'string') {
      // PostgreSQL text cannot hold U+0000 (the store keeps NULs out, see nul-text.ts).
      if (value.includes('\u0000')) throw new TypeError('PostgreSQL text cannot hold U+0000');
      return escapeLiteral(value);
    }
    throw new TypeError(`No SQL literal for a value of type ${typeof value}`);
  }

  date(value: Date): string {
    return `${this.value(value.toISOString())}::timestamptz`;
  }

  list(values: readonly unknown[]): string {
    return values.map((value) => this.value(value)).join(', ');
  }
}

/**
 * Settings for a script's transaction only. Its statements are short keyed reads and writes,
 * planned afresh each time, and two planner choices that suit large reads cost them dearly:
 * - JIT: with stale statistics (a store that grew fast since autovacuum last analyzed it) the
 *   planner can price a delivery refresh above jit_above_cost and compile it on every run
 *   (docs/adr/0025-no-jit-in-worker-transactions.md).
 * - Bitmap scans: each run update leaves an index entry behind until vacuum. A plain index scan
 *   marks those it finds dead, so the next walk skips them; a bitmap scan never does, so every
 *   lease walk and refresh would read them all again
 *   (docs/adr/0026-no-bitmap-scans-in-worker-transactions.md).
 */
const SCRIPT_SETTINGS = ['SET LOCAL jit = off', 'SET LOCAL enable_bitmapscan = off'];

/** Sends statements (written with PostgresLiterals) as one text; resolves with each one's rows. */
export type SendScript = (statements: readonly string[]) => Promise<unknown[][]>;

/**
 * Run `work` on one pooled connection, sending its statements in a few texts of several
 * statements each: one round trip per text instead of one per statement, since under load each
 * trip waits behind requests (docs/adr/0015-statements-sent-as-scripts.md). `work` writes its
 * own BEGIN and COMMIT, each first or last in a text; one that returns without its COMMIT fails
 * rather than leave a transaction open on a pooled connection. On failure an open transaction is
 * rolled back (a failed statement leaves it aborted, not closed); a connection that cannot even
 * roll back is discarded, not returned to the pool.
 */
export function postgresScriptTransaction<T>(
  dataSource: DataSource,
  work: (send: SendScript) => Promise<T>,
): Promise<T> {
  return withPooledConnection(dataSource, async (held) => {
    const { client } = held;
    // Whether a transaction `work` began is still open (it must end with a COMMIT of its own).
    let open = false;
    const send: SendScript = async (statements) => {
      const begins = statements[0] === 'BEGIN';
      if (begins) open = true;
      const text = begins ? ['BEGIN', ...SCRIPT_SETTINGS, ...statements.slice(1)] : statements;
      const result = (await client.query(text.join(';\n'))) as
        QueryResult<Record<string, unknown>> | QueryResult<Record<string, unknown>>[];
      if (statements.at(-1) === 'COMMIT') open = false;
      const rows = (Array.isArray(result) ? result : [result]).map((each) => each.rows);
      if (begins) rows.splice(1, SCRIPT_SETTINGS.length);
      return rows;
    };
    try {
      const result = await work(send);
      if (open) throw new Error('A PostgreSQL script transaction ended without its COMMIT');
      return result;
    } catch (error) {
      // Harmless when no transaction is open (PostgreSQL answers with a warning).
      if (!held.broken) {
        await client.query('ROLLBACK').catch((rollback: Error) => (held.broken = rollback));
      }
      throw error;
    }
  });
}
