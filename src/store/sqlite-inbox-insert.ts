import type { Database } from 'sqlite3';
import type { DeliveryRecord } from './entities';

/**
 * The inbox's hot path on SQLite, below TypeORM: BEGIN IMMEDIATE, one cached multi-row
 * `INSERT … ON CONFLICT DO NOTHING RETURNING id`, COMMIT, all queued on the connection in one
 * go. sqlite3 runs them back to back on its thread pool, so a batch costs one hop to the event
 * loop instead of one per statement (each hop waits behind a turn of HTTP work under load),
 * and none of TypeORM's per-row query building.
 *
 * The caller holds the store's write lock, so nothing else can open a transaction meanwhile.
 * Resolves with the ids that were inserted (the others hit the de-duplication key); rejects if
 * any step failed, after making sure no transaction is left open. Never resolves unless COMMIT
 * succeeded.
 */
const COLUMNS = [
  'id',
  'provider',
  'endpoint',
  'type',
  'provider_delivery_id',
  'occurred_at',
  'received_at',
  'content_type',
  'headers',
  'raw_body',
  'status',
  'attempts',
  'planned',
];
const ROW = `(${COLUMNS.map(() => '?').join(', ')})`;
const statements = new Map<number, string>();

function insertSql(rows: number): string {
  let sql = statements.get(rows);
  if (!sql) {
    sql =
      `INSERT INTO "deliveries" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ` +
      `${Array.from({ length: rows }, () => ROW).join(', ')} ON CONFLICT DO NOTHING RETURNING "id"`;
    statements.set(rows, sql);
  }
  return sql;
}

/** TypeORM's `datetime` format on SQLite (UTC, milliseconds), so both paths store alike. */
export function sqliteDatetime(date: Date): string {
  return date.toISOString().replace('T', ' ').slice(0, 23);
}

function parameters(rows: readonly DeliveryRecord[]): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) {
    values.push(
      row.id,
      row.provider,
      row.endpoint,
      row.type,
      row.providerDeliveryId,
      row.occurredAt ? sqliteDatetime(row.occurredAt) : null,
      sqliteDatetime(row.receivedAt),
      row.contentType,
      JSON.stringify(row.headers),
      row.rawBody,
      row.status,
      row.attempts,
      row.planned ? 1 : 0,
    );
  }
  return values;
}

export function insertDeliveriesSqlite(
  db: Database,
  rows: readonly DeliveryRecord[],
): Promise<Set<string>> {
  return new Promise((resolve, reject) => {
    let failure: Error | null = null;
    let inserted: { id: string }[] = [];
    db.serialize(() => {
      db.run('BEGIN IMMEDIATE', (error) => (failure ??= error));
      db.all<{ id: string }>(insertSql(rows.length), parameters(rows), (error, result) => {
        if (error) failure ??= error;
        else inserted = result;
      });
      db.run('COMMIT', (error) => {
        failure ??= error;
        if (!failure) return resolve(new Set(inserted.map((row) => row.id)));
        const cause = failure;
        // SQLite may have rolled back already (SQLITE_FULL); a ROLLBACK error then means "none open".
        db.run('ROLLBACK', () => reject(cause));
      });
    });
  });
}
