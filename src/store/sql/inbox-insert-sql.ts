import { type InboxRow, arrivalRunsJson } from '../inbox/arrival-plan';
import { type Engine, engineTypes } from '../engine';
import { sqliteDatetime } from '../sqlite/sqlite-datetime';

/**
 * The inbox's one statement per batch, for both engines, run in autocommit mode. A lone
 * statement is its own transaction: the engine commits it before it reports done and rolls it
 * back whole if anything fails, so the batch costs one round trip instead of BEGIN / INSERT /
 * COMMIT, and none of TypeORM's per-row query building. Rows hitting the de-duplication key are
 * not stored and not returned; the statement returns the ids it stored.
 *
 * A delivery's body goes to `delivery_bodies`, its other columns to `deliveries`, and the runs
 * planned on arrival (see arrival-plan.ts) to `runs`: on SQLite through the view
 * `delivery_inbox`, whose trigger writes all three (see the DeliveryBodies and PlanOnArrival
 * migrations); on PostgreSQL through data-modifying CTEs.
 *
 * DELIVERY_COLUMNS: every column of a delivery, in the order the inbox writes them.
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

/**
 * What the inbox writes per row: a delivery's columns, then its runs as JSON, or null (see
 * arrivalRunsJson). On SQLite these are the columns of the view `delivery_inbox`: a change
 * here needs a migration that creates the view and its trigger again (a test compares the two).
 */
export const INBOX_COLUMNS = [...DELIVERY_COLUMNS, 'runs'] as const;

const pg = engineTypes('postgres');

/** PostgreSQL's type of each column, cast onto its parameter (VALUES in a CTE has no target). */
const POSTGRES_TYPES: Record<(typeof INBOX_COLUMNS)[number], string> = {
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
  runs: pg.json,
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
  const width = INBOX_COLUMNS.length;
  return Array.from({ length: rows }, (_, row) => {
    const values = INBOX_COLUMNS.map((_c, column) => placeholder(row * width + column));
    return `(${[...values, ...extra(row)].join(', ')})`;
  }).join(', ');
}

function sqliteInsert(rows: number): string {
  return (
    `INSERT INTO "delivery_inbox" (${quoted(INBOX_COLUMNS)}) ` +
    `VALUES ${valueRows(rows, () => '?')} RETURNING "id"`
  );
}

/** Every column of a run, as a raw statement returns them. */
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
] as const;

/** The columns of a run planned on arrival (the others keep their defaults: NULL). */
const ARRIVAL_RUN_COLUMNS = quoted(
  RUN_COLUMN_NAMES.filter((column) => column !== 'last_error' && column !== 'finished_at'),
);

function postgresInsert(rows: number): string {
  const rowColumns = DELIVERY_COLUMNS.filter((column) => column !== 'raw_body');
  const cast = (index: number) =>
    `$${index + 1}::${POSTGRES_TYPES[INBOX_COLUMNS[index % INBOX_COLUMNS.length]]}`;
  // "n": the rows go in in the caller's order (key order, see postgres-inbox-insert.ts).
  const values = valueRows(rows, cast, (row) => [String(row)]);
  const at = `"incoming"."received_at"`;
  return (
    `WITH "incoming" (${quoted(INBOX_COLUMNS)}, "n") AS (VALUES ${values}), ` +
    `"stored" AS (INSERT INTO "deliveries" (${quoted(rowColumns)}) ` +
    // Rows without an id pad a batch to its statement's size (see postgres-inbox-insert.ts).
    `SELECT ${quoted(rowColumns)} FROM "incoming" WHERE "id" IS NOT NULL ORDER BY "n" ` +
    `ON CONFLICT DO NOTHING RETURNING "id"), ` +
    `"bodies" AS (INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") ` +
    `SELECT "id", "raw_body" FROM "incoming" JOIN "stored" USING ("id") ` +
    `WHERE "raw_body" IS NOT NULL), ` +
    `"arrival_runs" AS (INSERT INTO "runs" (${ARRIVAL_RUN_COLUMNS}) ` +
    `SELECT "run"->>0, "incoming"."id", "run"->>1, ` +
    // Leased to this process's worker (see arrival-plan.ts): its first attempt has begun.
    `CASE WHEN "run"->>2 IS NULL THEN 'pending' ELSE 'processing' END, ` +
    `CASE WHEN "run"->>2 IS NULL THEN 0 ELSE 1 END, ` +
    `${at}, "run"->>2, ("run"->>3)::${pg.timestamp}, ${at}, ${at} ` +
    `FROM "incoming" JOIN "stored" USING ("id") ` +
    `CROSS JOIN LATERAL jsonb_array_elements("incoming"."runs") AS "planned" ("run")) ` +
    `SELECT "id" FROM "stored"`
  );
}

/** The parameters, in INBOX_COLUMNS order; dates and booleans as the engine stores them. */
export function inboxParameters(rows: readonly InboxRow[], engine: Engine): unknown[] {
  const sqlite = engine === 'sqlite';
  const date = (value: Date) => (sqlite ? sqliteDatetime(value) : value);
  const bool = (value: boolean) => (sqlite ? (value ? 1 : 0) : value);
  const dateText = sqlite ? sqliteDatetime : (value: Date) => value.toISOString();
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
      arrivalRunsJson(row, dateText),
    );
  }
  return values;
}
