import type { DataSource } from 'typeorm';
import type { DeliveryRecord, DeliveryStatus } from './model';
import { hasNul } from './nul-text';
import type { QueryDialect } from './query-dialect';
import { storedDate } from './sql/stored-date';

export interface DeliveryFilter {
  provider?: string;
  endpoint?: string;
  type?: string;
  status?: DeliveryStatus;
  /** Received at or after this instant. */
  receivedAfter?: Date;
  /** Received before this instant. */
  receivedBefore?: Date;
  /** Provider delivery ids that start with this text (an exact id is its own prefix). */
  q?: string;
  /** Only deliveries after this one in the list's order (the previous page's `nextCursor`). */
  cursor?: string;
  limit: number;
}

export type DeliverySummary = Omit<
  DeliveryRecord,
  'rawBody' | 'headers' | 'planned' | 'occurredAt' | 'contentType'
>;

/**
 * Prefix matches counted from the index (at most this many) before the list chooses how to
 * find them: fewer are read from the index and sorted; more are met soonest by walking the
 * newest deliveries.
 */
const PREFIX_PROBE = 1000;

const SUMMARY_COLUMNS = [
  'id',
  'provider',
  'endpoint',
  'type',
  'provider_delivery_id',
  'status',
  'received_at',
  'attempts',
]
  .map((column) => `"${column}"`)
  .join(', ');

interface SummaryRow {
  id: string;
  provider: string;
  endpoint: string;
  type: string;
  provider_delivery_id: string | null;
  status: DeliveryStatus;
  received_at: Date | string;
  attempts: number | string;
}

/**
 * A page of the delivery list, newest first: by id (UUIDv7, time-ordered), or with a time
 * filter by the time received, then id. Ids follow the time received only roughly (clocks
 * differ), so a time range is walked on ix_deliveries_received_at, where it is contiguous: in
 * id order, a range far in the past would be reached only after every newer delivery. One
 * extra row is read to know whether there is a next page.
 */
export async function listDeliveries(
  dataSource: DataSource,
  dialect: QueryDialect,
  filter: DeliveryFilter,
): Promise<{ items: DeliverySummary[]; nextCursor: string | null }> {
  const { provider, endpoint, type, status, q: prefix, cursor } = filter;
  if (hasNul(provider, endpoint, type, status, prefix, cursor)) {
    return { items: [], nextCursor: null };
  }
  const byTime = filter.receivedAfter !== undefined || filter.receivedBefore !== undefined;
  const column = '"provider_delivery_id"';
  const prefixIndexed = prefix ? await fewPrefixMatches(dataSource, dialect, prefix) : false;
  const cursorAt = cursor && byTime ? await receivedAt(dataSource, dialect, cursor) : null;
  const q = dialect.values();
  // Few matches: found through the index first, MATERIALIZED so that no planner estimate of
  // the prefix's matches turns it into a walk of every delivery.
  const matches =
    prefix && prefixIndexed
      ? `WITH "matches" AS MATERIALIZED (SELECT "id" FROM "deliveries" ` +
        `WHERE ${dialect.startsWith(column, q, prefix, true)}) `
      : '';
  const where: string[] = [];
  if (matches) where.push(`"id" IN (SELECT "id" FROM "matches")`);
  if (provider) where.push(`"provider" = ${q.value(provider)}`);
  if (endpoint) where.push(`"endpoint" = ${q.value(endpoint)}`);
  if (type) where.push(`"type" = ${q.value(type)}`);
  if (status) where.push(`"status" = ${q.value(status)}`);
  if (filter.receivedAfter) where.push(`"received_at" >= ${q.date(filter.receivedAfter)}`);
  if (filter.receivedBefore) where.push(`"received_at" < ${q.date(filter.receivedBefore)}`);
  if (prefix && !prefixIndexed) where.push(dialect.startsWith(column, q, prefix, false));
  if (cursorAt) {
    const at = () => q.date(cursorAt);
    where.push(
      `"received_at" <= ${at()} AND ("received_at" < ${at()} OR "id" < ${q.value(cursor)})`,
    );
  } else if (cursor) {
    // Also when the cursor's delivery is gone (retention): ids follow the time received.
    where.push(`"id" < ${q.value(cursor)}`);
  }
  const conditions = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
  const order = byTime ? `"received_at" DESC, "id" DESC` : `"id" DESC`;
  const rows: SummaryRow[] = await dataSource.query(
    `${matches}SELECT ${SUMMARY_COLUMNS} FROM "deliveries"${conditions} ` +
      `ORDER BY ${order} LIMIT ${q.value(filter.limit + 1)}`,
    q.params,
  );
  const items = rows.slice(0, filter.limit).map(summaryFromRow);
  const nextCursor = rows.length > filter.limit ? items[items.length - 1].id : null;
  return { items, nextCursor };
}

/** Whether fewer than PREFIX_PROBE provider delivery ids start with `prefix` (an index read). */
async function fewPrefixMatches(
  dataSource: DataSource,
  dialect: QueryDialect,
  prefix: string,
): Promise<boolean> {
  const q = dialect.values();
  const [{ n }]: { n: number | string }[] = await dataSource.query(
    `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM "deliveries" ` +
      `WHERE ${dialect.startsWith('"provider_delivery_id"', q, prefix, true)} ` +
      `LIMIT ${q.value(PREFIX_PROBE)}) "matches"`,
    q.params,
  );
  return Number(n) < PREFIX_PROBE;
}

async function receivedAt(
  dataSource: DataSource,
  dialect: QueryDialect,
  id: string,
): Promise<Date | null> {
  const q = dialect.values();
  const [row]: { received_at: Date | string }[] = await dataSource.query(
    `SELECT "received_at" FROM "deliveries" WHERE "id" = ${q.value(id)}`,
    q.params,
  );
  return row ? storedDate(row.received_at) : null;
}

function summaryFromRow(row: SummaryRow): DeliverySummary {
  return {
    id: row.id,
    provider: row.provider,
    endpoint: row.endpoint,
    type: row.type,
    providerDeliveryId: row.provider_delivery_id,
    status: row.status,
    receivedAt: storedDate(row.received_at),
    attempts: Number(row.attempts),
  };
}
