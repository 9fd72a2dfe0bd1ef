import type { DeliveryRecord } from './entities';
import { type Engine, engineTypes } from './engine';

/**
 * The inbox's one statement per batch, for both engines, run in autocommit mode. A lone
 * statement is its own transaction: the engine commits it before it reports done and rolls it
 * back whole if anything fails, so the batch costs one round trip instead of BEGIN / INSERT /
 * COMMIT, and none of TypeORM's per-row query building. Rows hitting the de-duplication key are
 * not stored and not returned; the statement returns the ids it stored.
 *
 * A delivery's body goes to `delivery_bodies`, its other columns to `deliveries`: on SQLite
 * through the view `delivery_inbox`, whose trigger writes both (see the DeliveryBodies
 * migration); on PostgreSQL through data-modifying CTEs.
 *
 * DELIVERY_COLUMNS: every column of a delivery, in the order the inbox writes them. On SQLite
 * they are the columns of the view `delivery_inbox`: a change here needs a migration that
 * creates the view and its trigger again (a test compares the two).
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

const pg = engineTypes('postgres');

/** PostgreSQL's type of each column, cast onto its parameter (VALUES in a CTE has no target). */
const POSTGRES_TYPES: Record<(typeof DELIVERY_COLUMNS)[number], string> = {
  id: 'varchar',
  provider: 'varchar',
  endpoint: 'varchar',
  type: 'varchar',
  provider_delivery_id: 'varchar',
  occurred_at: pg.timestamp,
  received_at: pg.timestamp,
  content_type: 'varchar',
  headers: pg.json,
  raw_body: pg.binary,
  status: 'varchar',
  attempts: 'integer',
  planned: 'boolean',
};

const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/** The statement for `rows` rows (cached per engine and row count). */
export function inboxInsertSql(rows: number, engine: Engine): string {
  const cache = statements[engine];
  let sql = cache.get(rows);
  if (!sql) {
    sql = engine === 'postgres' ? postgresInsert(rows) : sqliteInsert(rows);
    cache.set(rows, sql);
  }
  return sql;
}
const statements: Record<Engine, Map<number, string>> = { sqlite: new Map(), postgres: new Map() };

/** Each row's values; `extra` adds a last value of its own to each (PostgreSQL's ordinal). */
function valueRows(
  rows: number,
  placeholder: (index: number) => string,
  extra: (row: number) => string[] = () => [],
): string {
  const width = DELIVERY_COLUMNS.length;
  return Array.from({ length: rows }, (_, row) => {
    const values = DELIVERY_COLUMNS.map((_c, column) => placeholder(row * width + column));
    return `(${[...values, ...extra(row)].join(', ')})`;
  }).join(', ');
}

function sqliteInsert(rows: number): string {
  return (
    `INSERT INTO "delivery_inbox" (${quoted(DELIVERY_COLUMNS)}) ` +
    `VALUES ${valueRows(rows, () => '?')} RETURNING "id"`
  );
}

function postgresInsert(rows: number): string {
  const rowColumns = DELIVERY_COLUMNS.filter((column) => column !== 'raw_body');
  const cast = (index: number) =>
    `$${index + 1}::${POSTGRES_TYPES[DELIVERY_COLUMNS[index % DELIVERY_COLUMNS.length]]}`;
  // "n": the rows go in in the caller's order (key order, see postgres-inbox-insert.ts).
  const values = valueRows(rows, cast, (row) => [String(row)]);
  return (
    `WITH "incoming" (${quoted(DELIVERY_COLUMNS)}, "n") AS (VALUES ${values}), ` +
    `"stored" AS (INSERT INTO "deliveries" (${quoted(rowColumns)}) ` +
    `SELECT ${quoted(rowColumns)} FROM "incoming" ORDER BY "n" ` +
    `ON CONFLICT DO NOTHING RETURNING "id"), ` +
    `"bodies" AS (INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") ` +
    `SELECT "id", "raw_body" FROM "incoming" JOIN "stored" USING ("id") ` +
    `WHERE "raw_body" IS NOT NULL) ` +
    `SELECT "id" FROM "stored"`
  );
}

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
