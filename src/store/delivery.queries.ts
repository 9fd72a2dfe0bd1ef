import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, FindOptionsWhere, LessThan } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import { DeliveryRecord, DeliveryStatus, RunRecord, RunStatus } from './model';
import { hasNul } from './nul-text';
import { StoreEntitiesRef } from './store-entities.ref';

export interface DeliveryFilter {
  provider?: string;
  endpoint?: string;
  type?: string;
  status?: DeliveryStatus;
  /** Only deliveries older than this id (the previous page's `nextCursor`). */
  cursor?: string;
  limit: number;
}

export type DeliverySummary = Omit<
  DeliveryRecord,
  'rawBody' | 'headers' | 'planned' | 'occurredAt' | 'contentType'
>;

/** Read side of the store, for the admin API. Never loads raw bodies for lists. */
@Injectable()
export class DeliveryQueries {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
  ) {}

  /** Newest first; one extra row is read to know whether there is a next page. */
  async list(
    filter: DeliveryFilter,
  ): Promise<{ items: DeliverySummary[]; nextCursor: string | null }> {
    const { provider, endpoint, type, status, cursor } = filter;
    if (hasNul(provider, endpoint, type, status, cursor)) return { items: [], nextCursor: null };
    const where: FindOptionsWhere<DeliveryRecord> = {};
    if (filter.provider) where.provider = filter.provider;
    if (filter.endpoint) where.endpoint = filter.endpoint;
    if (filter.type) where.type = filter.type;
    if (filter.status) where.status = filter.status;
    if (filter.cursor) where.id = LessThan(filter.cursor);
    const rows = await this.dataSource.getRepository(this.entities.Delivery).find({
      select: {
        id: true,
        provider: true,
        endpoint: true,
        type: true,
        providerDeliveryId: true,
        status: true,
        receivedAt: true,
        attempts: true,
      },
      where,
      order: { id: 'DESC' },
      take: filter.limit + 1,
    });
    const items = rows.slice(0, filter.limit);
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
