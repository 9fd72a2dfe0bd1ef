import { engineTypes } from '../engine';
import { ARRIVAL_RUN_COLUMNS, DELIVERY_COLUMNS, INBOX_COLUMNS } from '../sql/columns';
import { type InboxEncoding, quoted, statementsBySize, valueRows } from '../sql/inbox-insert-sql';

/** Dates and booleans as node-postgres sends them; dates in the runs' JSON as ISO text. */
export const POSTGRES_INBOX_ENCODING: InboxEncoding = {
  date: (value) => value,
  bool: (value) => value,
  dateText: (value) => value.toISOString(),
};

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

/**
 * The inbox's statement for `rows` rows on PostgreSQL: data-modifying CTEs that store the
 * delivery, its body and its runs, and return the ids stored.
 */
export const postgresInboxInsertSql = statementsBySize(postgresInsert);

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
    `"arrival_runs" AS (INSERT INTO "runs" (${quoted(ARRIVAL_RUN_COLUMNS)}) ` +
    `SELECT "run"->>0, "incoming"."id", "run"->>1, ` +
    // Leased to this process's worker (see inbox/arrival-plan.ts): its first attempt has begun.
    `CASE WHEN "run"->>2 IS NULL THEN 'pending' ELSE 'processing' END, ` +
    `CASE WHEN "run"->>2 IS NULL THEN 0 ELSE 1 END, ` +
    `${at}, "run"->>2, ("run"->>3)::${pg.timestamp}, ${at}, ${at} ` +
    `FROM "incoming" JOIN "stored" USING ("id") ` +
    `CROSS JOIN LATERAL jsonb_array_elements("incoming"."runs") AS "planned" ("run")) ` +
    `SELECT "id" FROM "stored"`
  );
}
