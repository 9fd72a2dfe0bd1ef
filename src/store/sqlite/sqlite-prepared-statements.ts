import type { Database, Statement } from 'sqlite3';

/** Statements kept prepared at most (a few batch sizes recur; each one holds its program). */
const CAPACITY = 16;
/**
 * SQLite keeps its copy of a statement's last values until they are bound again: after a call
 * whose values (bodies) add up to more, they are cleared at once, so that kept statements hold
 * at most about CAPACITY × this of request data.
 */
const RETAINED_BYTES = 1024 * 1024;

/**
 * The inbox's insert statements kept prepared on the store's sqlite3 connection, by SQL text
 * (one per batch size), least recently used dropped first. `Database#all` prepares, then runs:
 * two trips through sqlite3's thread pool, each waiting for the event loop; a kept statement
 * runs in one (docs/adr/0022-sqlite-inbox-insert-kept-prepared.md).
 *
 * Such a statement runs as soon as it is called, even while the connection runs a script
 * (sqlite3 queues only what is prepared after the script). A script that failed halfway leaves
 * its transaction open until the ROLLBACK that follows it, and an insert run in between would
 * be rolled back with it after its caller was told it committed. Scripts therefore hold the
 * write lock exclusively, and these statements run under it shared (see StoreWriteLock).
 *
 * `close` finalizes them; later calls prepare per call again. SQLite does not close a
 * connection while any statement is open, so closing the connection finalizes them first.
 */
export class PreparedStatements {
  private readonly statements = new Map<string, Statement>();
  private readonly preparing = new Set<string>();
  private closed = false;

  constructor(readonly db: Database) {
    const closeConnection = db.close.bind(db);
    db.close = ((callback?: (error: Error | null) => void) => {
      void this.close().then(() => closeConnection(callback));
      return db;
    }) as Database['close'];
  }

  /**
   * Run `sql` with `params` and resolve with its rows (RETURNING ones for a write). The first
   * call of a text prepares it per call, as `Database#all` does, and has it prepared for the
   * next ones (prepared on its own, so that an error preparing it is reported to this call).
   */
  all<T>(sql: string, params: unknown[]): Promise<T[]> {
    return new Promise((resolve, reject) => {
      const done = (error: Error | null, rows: T[]) => (error ? reject(error) : resolve(rows));
      const statement = this.take(sql);
      if (!statement) return void this.db.all<T>(sql, params, done);
      statement.all<T>(params, done);
      // Queued behind the call: resets the statement and clears every value it was given.
      if (valueBytes(params) > RETAINED_BYTES) statement.bind([null], noop);
    });
  }

  /** Finalize every kept statement; resolves once sqlite3 has released them. */
  async close(): Promise<void> {
    this.closed = true;
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(statements.map(finalize));
  }

  /** The kept statement for `sql` (now the most recently used), or none yet. */
  private take(sql: string): Statement | undefined {
    const statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
      this.statements.set(sql, statement);
    } else if (!this.closed && !this.preparing.has(sql)) {
      this.prepare(sql);
    }
    return statement;
  }

  private prepare(sql: string): void {
    this.preparing.add(sql);
    const statement = this.db.prepare(sql, (error) => {
      this.preparing.delete(sql);
      // A failed prepare stays uncached: each call then prepares per call and gets the error.
      if (error) return;
      if (this.closed) return void finalize(statement);
      if (this.statements.size >= CAPACITY) {
        const [oldest] = this.statements.keys();
        // sqlite3 finalizes it after any call already queued on it.
        void finalize(this.statements.get(oldest)!);
        this.statements.delete(oldest);
      }
      this.statements.set(sql, statement);
    });
  }
}

function valueBytes(params: readonly unknown[]): number {
  let bytes = 0;
  for (const value of params) {
    if (typeof value === 'string' || Buffer.isBuffer(value)) bytes += value.length;
  }
  return bytes;
}

const noop = () => undefined;

function finalize(statement: Statement): Promise<void> {
  return new Promise((resolve) => statement.finalize(() => resolve()));
}
