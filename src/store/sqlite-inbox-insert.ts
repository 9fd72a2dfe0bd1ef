import type { Database } from 'sqlite3';
import type { DeliveryRecord } from './entities';

/**
 * The inbox's hot path on SQLite, below TypeORM: one multi-row
 * `INSERT … ON CONFLICT DO NOTHING RETURNING id` in autocommit mode. A lone statement is its own
 * transaction: SQLite commits it (and, with synchronous=FULL, syncs the WAL) before the statement
 * reports done, and rolls it back whole if anything fails. One statement is one hop through
 * sqlite3's thread pool and back to the event loop; under load each hop waits behind a turn of
 * HTTP work, which is why BEGIN / INSERT / COMMIT as three statements (six hops) was the
 * gateway's bottleneck. None of TypeORM's per-row query building either.
 *
 * The caller holds the store's write lock, so TypeORM has no transaction open on the shared
 * connection (checked anyway: the insert would silently join it).
 * Resolves with the ids that were inserted (the others hit the de-duplication key).
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
    db.all<{ id: string }>(insertSql(rows.length), parameters(rows), (error, inserted) => {
      if (error) reject(error);
      else resolve(new Set(inserted.map((row) => row.id)));
    });
  });
}
