import type { DeliveryRecord } from './entities';

/**
 * The inbox's one statement, for both engines: a multi-row
 * `INSERT … ON CONFLICT DO NOTHING RETURNING id`, run in autocommit mode. A lone statement is
 * its own transaction: the engine commits it before it reports done and rolls it back whole if
 * anything fails, so the batch costs one round trip instead of BEGIN / INSERT / COMMIT, and none
 * of TypeORM's per-row query building. Rows hitting the de-duplication key are not returned.
 *
 * DELIVERY_COLUMNS: every column of `deliveries`, in the order the inbox writes them.
 */
export const DELIVERY_COLUMNS = [
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
] as const;

export type Placeholder = (index: number) => string;

/** The statement for `rows` rows (cached per row count and placeholder style). */
export function inboxInsertSql(rows: number, placeholder: Placeholder): string {
  let cache = statements.get(placeholder);
  if (!cache) statements.set(placeholder, (cache = new Map()));
  let sql = cache.get(rows);
  if (!sql) {
    const values = Array.from(
      { length: rows },
      (_, row) =>
        `(${DELIVERY_COLUMNS.map((_c, column) => placeholder(row * DELIVERY_COLUMNS.length + column + 1)).join(', ')})`,
    );
    sql =
      `INSERT INTO "deliveries" (${DELIVERY_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ` +
      `${values.join(', ')} ON CONFLICT DO NOTHING RETURNING "id"`;
    cache.set(rows, sql);
  }
  return sql;
}
const statements = new Map<Placeholder, Map<number, string>>();

/** The parameters, in DELIVERY_COLUMNS order; dates and booleans as the engine stores them. */
export function inboxParameters(
  rows: readonly DeliveryRecord[],
  date: (value: Date) => unknown,
  bool: (value: boolean) => unknown,
): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) {
    values.push(
      row.id,
      row.provider,
      row.endpoint,
      row.type,
      row.providerDeliveryId,
      row.occurredAt ? date(row.occurredAt) : null,
      date(row.receivedAt),
      row.contentType,
      JSON.stringify(row.headers),
      row.rawBody,
      row.status,
      row.attempts,
      bool(row.planned),
    );
  }
  return values;
}
