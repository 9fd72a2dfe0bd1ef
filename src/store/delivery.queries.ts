import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import { type DeliveryFilter, type DeliverySummary, listDeliveries } from './delivery-list';
import { DeliveryRecord, RunRecord, RunStatus } from './model';
import { hasNul } from './nul-text';
import { QueryDialect } from './query-dialect';
import { StoreEntitiesRef } from './store-entities.ref';

export type { DeliveryFilter, DeliverySummary };

/** Read side of the store, for the admin API. Never loads raw bodies for lists. */
@Injectable()
export class DeliveryQueries {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly dialect: QueryDialect,
  ) {}

  /** A page of the list, newest first (see listDeliveries). */
  list(filter: DeliveryFilter): Promise<{ items: DeliverySummary[]; nextCursor: string | null }> {
    return listDeliveries(this.dataSource, this.dialect, filter);
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
