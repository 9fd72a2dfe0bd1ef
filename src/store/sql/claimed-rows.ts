import type { ClaimedRun, DeliveryRecord, RunRecord } from '../model';
import { RUN_COLUMN_NAMES, DELIVERY_COLUMNS as STORED_COLUMNS } from './columns';
import { storedDate } from './stored-date';
import { RunRow, runFromRow } from './runs';

/**
 * A delivery's columns but its id, read as `d_<column>` beside a run's (the joined read names
 * the delivery by the run's delivery_id; the separate read adds the id itself).
 */
const DELIVERY_DATA_COLUMNS = STORED_COLUMNS.filter(
  (column): column is Exclude<(typeof STORED_COLUMNS)[number], 'id'> => column !== 'id',
);

type DeliveryColumn = (typeof DELIVERY_DATA_COLUMNS)[number];

/** A delivery's columns (but its id) as `d_<column>`. */
type PrefixedDelivery = { [Column in DeliveryColumn as `d_${Column}`]: unknown };

/** One row of the joined read: the run's columns, and its delivery's as `d_<column>`. */
export type ClaimedRow = RunRow & PrefixedDelivery;

/** One row of the separate read of the deliveries (see claimedRunsAndDeliveriesSql). */
export type ClaimedDeliveryRow = { id: string } & PrefixedDelivery;

/** `d` is the delivery's row, `b` its body (LEFT JOIN: retention may have dropped it). */
const PREFIXED_DELIVERY_COLUMNS = DELIVERY_DATA_COLUMNS.map(
  (column) => `${column === 'raw_body' ? 'b' : 'd'}."${column}" AS "d_${column}"`,
);
const WITH_BODY = `LEFT JOIN "delivery_bodies" b ON b."delivery_id" = d."id"`;

/**
 * The runs whose ids `idsSql` gives (a subquery or a list of literals) with their deliveries,
 * oldest due first, as one statement: one trip to the database instead of a read of the runs
 * and another of their deliveries, and rows read as they are instead of through TypeORM's
 * entity hydration (docs/adr/0016-dispatch-sql-without-typeorm.md).
 */
export function claimedRunsSql(idsSql: string): string {
  const runColumns = RUN_COLUMN_NAMES.map((column) => `r."${column}"`);
  return (
    `SELECT ${[...runColumns, ...PREFIXED_DELIVERY_COLUMNS].join(', ')} ` +
    `FROM "runs" r JOIN "deliveries" d ON d."id" = r."delivery_id" ${WITH_BODY} ` +
    `WHERE r."id" IN (${idsSql}) ORDER BY r."next_attempt_at"`
  );
}

/**
 * The same as two statements (PostgreSQL, where they travel in one text): the runs oldest due
 * first, then each of their deliveries once. A delivery with several claimed runs has its body
 * sent once instead of once per run, which matters more there: bytea travels as hex text and
 * is decoded on the event loop.
 */
export function claimedRunsAndDeliveriesSql(runIdsSql: string, deliveryIdsSql: string): string[] {
  const runColumns = RUN_COLUMN_NAMES.map((column) => `"${column}"`).join(', ');
  return [
    `SELECT ${runColumns} FROM "runs" WHERE "id" IN (${runIdsSql}) ORDER BY "next_attempt_at"`,
    claimedDeliveriesSql(deliveryIdsSql),
  ];
}

/** The deliveries whose ids `idsSql` gives, with their bodies, as ClaimedDeliveryRow. */
export function claimedDeliveriesSql(idsSql: string): string {
  return (
    `SELECT d."id", ${PREFIXED_DELIVERY_COLUMNS.join(', ')} FROM "deliveries" d ${WITH_BODY} ` +
    `WHERE d."id" IN (${idsSql})`
  );
}

/** The claimed runs of the two-statement read, as claimedRunsFromRows gives them. */
export function claimedRunsFromSeparateRows(
  runs: readonly RunRow[],
  deliveries: readonly ClaimedDeliveryRow[],
): ClaimedRun[] {
  return runsWithDeliveries(runs.map(runFromRow), deliveries);
}

/** Each of `runs` with its delivery, read separately (every one must be among `deliveries`). */
export function runsWithDeliveries(
  runs: readonly RunRecord[],
  deliveries: readonly ClaimedDeliveryRow[],
): ClaimedRun[] {
  const byId = new Map(deliveries.map((row) => [row.id, deliveryFromRow(row.id, row)]));
  return runs.map((run) => {
    const delivery = byId.get(run.deliveryId);
    if (!delivery) throw new Error(`Delivery ${run.deliveryId} of claimed run ${run.id} not read`);
    return { run, delivery };
  });
}

/**
 * The claimed runs of the joined read, typed as TypeORM would hydrate them. SQLite gives
 * headers as simple-json text, booleans as 0/1 and timestamps as UTC text; PostgreSQL's driver
 * has already parsed jsonb, boolean and timestamptz. Runs of one delivery share its record.
 */
export function claimedRunsFromRows(rows: readonly ClaimedRow[]): ClaimedRun[] {
  const deliveries = new Map<string, DeliveryRecord>();
  return rows.map((row) => {
    const run = runFromRow(row);
    let delivery = deliveries.get(run.deliveryId);
    if (!delivery) {
      delivery = deliveryFromRow(run.deliveryId, row);
      deliveries.set(run.deliveryId, delivery);
    }
    return { run, delivery };
  });
}

function deliveryFromRow(id: string, row: PrefixedDelivery): DeliveryRecord {
  return {
    id,
    provider: row.d_provider as string,
    endpoint: row.d_endpoint as string,
    type: row.d_type as string,
    providerDeliveryId: row.d_provider_delivery_id as string | null,
    occurredAt: row.d_occurred_at === null ? null : storedDate(row.d_occurred_at as Date | string),
    receivedAt: storedDate(row.d_received_at as Date | string),
    contentType: row.d_content_type as string | null,
    headers: (typeof row.d_headers === 'string'
      ? JSON.parse(row.d_headers)
      : row.d_headers) as Record<string, string>,
    rawBody: row.d_raw_body as Buffer | null,
    status: row.d_status as DeliveryRecord['status'],
    attempts: Number(row.d_attempts),
    planned: Boolean(row.d_planned),
  };
}
