import { type InboxRow, arrivalRunsJson } from '../inbox/arrival-plan';
import { INBOX_COLUMNS } from './columns';

/*
 * The inbox's one statement per batch, in autocommit mode: the engine commits it before it
 * reports done and rolls it back whole if anything fails, so a batch costs one round trip and
 * none of TypeORM's per-row query building (docs/adr/0004-one-insert-statement-per-batch.md).
 * Rows hitting the de-duplication key are neither stored nor returned; it returns the ids stored.
 *
 * A delivery's body goes to `delivery_bodies`, its other columns to `deliveries`, and the runs
 * planned on arrival (see inbox/arrival-plan.ts) to `runs`: on SQLite through the inbox view's
 * trigger (sqlite/sqlite-inbox-view.ts), on PostgreSQL through data-modifying CTEs
 * (postgres/postgres-inbox-sql.ts). What both share is here.
 */

/** How an engine stores the values of an inbox row. */
export interface InboxEncoding {
  date(value: Date): unknown;
  bool(value: boolean): unknown;
  /** A timestamp inside the runs' JSON. */
  dateText(value: Date): string;
}

export const quoted = (columns: readonly string[]) => columns.map((c) => `"${c}"`).join(', ');

/** Each row's values; `extra` adds a last value of its own to each (PostgreSQL's ordinal). */
export function valueRows(
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

/** A cache of statement texts by row count. */
export function statementsBySize(build: (rows: number) => string): (rows: number) => string {
  const cache = new Map<number, string>();
  return (rows) => {
    let sql = cache.get(rows);
    if (!sql) {
      sql = build(rows);
      cache.set(rows, sql);
    }
    return sql;
  };
}

/** The parameters, in INBOX_COLUMNS order; dates and booleans as the engine stores them. */
export function inboxParameters(rows: readonly InboxRow[], encoding: InboxEncoding): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) {
    values.push(
      row.id,
      row.provider,
      row.endpoint,
      row.type,
      row.providerDeliveryId,
      row.occurredAt ? encoding.date(row.occurredAt) : null,
      encoding.date(row.receivedAt),
      row.contentType,
      JSON.stringify(row.headers),
      row.rawBody,
      row.status,
      row.attempts,
      encoding.bool(row.planned),
      arrivalRunsJson(row, encoding.dateText),
    );
  }
  return values;
}
