import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import { DeliveryRecord, DeliveryStatus, RunRecord, RunStatus } from './model';
import { hasNul } from './nul-text';
import { QueryDialect } from './query-dialect';
import { storedDate } from './sql/stored-date';
import { StoreEntitiesRef } from './store-entities.ref';

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
  /** Only deliveries older than this id (the previous page's `nextCursor`). */
  cursor?: string;
  limit: number;
}

export type DeliverySummary = Omit<
  DeliveryRecord,
  'rawBody' | 'headers' | 'planned' | 'occurredAt' | 'contentType'
>;

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

/** Read side of the store, for the admin API. Never loads raw bodies for lists. */
@Injectable()
export class DeliveryQueries {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly dialect: QueryDialect,
  ) {}

  /**
   * Newest first; one extra row is read to know whether there is a next page. Each filter is
   * answered by an index walk in id order (docs/operations.md, "Admin API").
   */
  async list(
    filter: DeliveryFilter,
  ): Promise<{ items: DeliverySummary[]; nextCursor: string | null }> {
    const { provider, endpoint, type, status, q: prefix, cursor } = filter;
    if (hasNul(provider, endpoint, type, status, prefix, cursor)) {
      return { items: [], nextCursor: null };
    }
    const q = this.dialect.values();
    const where: string[] = [];
    if (provider) where.push(`"provider" = ${q.value(provider)}`);
    if (endpoint) where.push(`"endpoint" = ${q.value(endpoint)}`);
    if (type) where.push(`"type" = ${q.value(type)}`);
    if (status) where.push(`"status" = ${q.value(status)}`);
    if (filter.receivedAfter) where.push(`"received_at" >= ${q.date(filter.receivedAfter)}`);
    if (filter.receivedBefore) where.push(`"received_at" < ${q.date(filter.receivedBefore)}`);
    if (prefix) where.push(this.dialect.startsWith('"provider_delivery_id"', q, prefix));
    if (cursor) where.push(`"id" < ${q.value(cursor)}`);
    const conditions = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    const rows: SummaryRow[] = await this.dataSource.query(
      `SELECT ${SUMMARY_COLUMNS} FROM "deliveries"${conditions} ` +
        `ORDER BY "id" DESC LIMIT ${q.value(filter.limit + 1)}`,
      q.params,
    );
    const items = rows.slice(0, filter.limit).map(summaryFromRow);
    const nextCursor = rows.length > filter.limit ? items[items.length - 1].id : null;
    return { items, nextCursor };
  }

  async get(id: string): Promise<{ delivery: DeliveryRecord; runs: RunRecord[] } | null> {
    if (hasNul(id)) return null;
    const row = await this.dataSource.getRepository(this.entities.Delivery).findOneBy({ id });
    if (!row) return null;
    const body = await this.dataSource
      .getRepository(this.entities.DeliveryBody)
      .findOneBy({ deliveryId: id });
    const runs = await this.dataSource
      .getRepository(this.entities.Run)
      .find({ where: { deliveryId: id }, order: { createdAt: 'ASC', handler: 'ASC' } });
    return { delivery: { ...row, rawBody: body?.rawBody ?? null }, runs };
  }

  /**
   * A delivery's raw bytes as stored (PostgreSQL decompresses what it compressed) and their
   * content type; `rawBody` is null once retention dropped it. Null for an unknown id.
   */
  async rawBody(
    id: string,
  ): Promise<{ contentType: string | null; rawBody: Buffer | null } | null> {
    if (hasNul(id)) return null;
    const row = await this.dataSource
      .getRepository(this.entities.Delivery)
      .findOne({ select: { id: true, contentType: true }, where: { id } });
    if (!row) return null;
    const body = await this.dataSource
      .getRepository(this.entities.DeliveryBody)
      .findOneBy({ deliveryId: id });
    return { contentType: row.contentType, rawBody: body?.rawBody ?? null };
  }

  /** Ids of runs matching a bulk-replay filter (oldest first), at most `limit`. */
  async findRunIds(filter: RunFilter): Promise<string[]> {
    const { provider, endpoint, type, handler } = filter;
    if (hasNul(provider, endpoint, type, handler, ...filter.statuses)) return [];
    const query = this.dataSource
      .getRepository(this.entities.Run)
      .createQueryBuilder('r')
      .innerJoin('deliveries', 'd', 'd.id = r.delivery_id')
      .select('r.id', 'id')
      .where('r.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.provider) query.andWhere('d.provider = :provider', { provider: filter.provider });
    if (filter.endpoint) query.andWhere('d.endpoint = :endpoint', { endpoint: filter.endpoint });
    if (filter.type) query.andWhere('d.type = :type', { type: filter.type });
    if (filter.handler) query.andWhere('r.handler = :handler', { handler: filter.handler });
    if (filter.receivedAfter)
      query.andWhere('d.received_at >= :after', { after: filter.receivedAfter });
    if (filter.receivedBefore)
      query.andWhere('d.received_at < :before', { before: filter.receivedBefore });
    const rows: { id: string }[] = await query
      .orderBy('r.id', 'ASC')
      .limit(filter.limit)
      .getRawMany();
    return rows.map((row) => row.id);
  }

  /** Cheap round trip for health checks. */
  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}

export interface RunFilter {
  provider?: string;
  endpoint?: string;
  type?: string;
  handler?: string;
  statuses: RunStatus[];
  receivedAfter?: Date;
  receivedBefore?: Date;
  limit: number;
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
