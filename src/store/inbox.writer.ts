import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { StoreUnavailableError } from '../errors/webhook-errors';
import { HOOKGATE_CONNECTION } from './data-source';
import { GroupCommit } from './group-commit';
import { DeliveryRecord } from './entities';
import { newId } from './ids';
import { StoreEntitiesRef } from './store-entities.ref';
import { StoreEvents } from './store-events';
import { StoreWriteLock } from './write-lock';

/** What the pipeline hands the inbox for one accepted request. */
export interface NewDelivery {
  provider: string;
  endpoint: string;
  type: string;
  providerDeliveryId?: string;
  occurredAt?: Date;
  receivedAt: Date;
  contentType?: string;
  headers: Record<string, string>;
  rawBody: Buffer;
}

export interface StoredDelivery {
  /** The gateway id: this delivery's, or the original's when it is a duplicate. */
  id: string;
  duplicate: boolean;
}

/** Upper bound on rows per transaction (keeps statements under every engine's parameter cap). */
export const MAX_BATCH = 200;

/**
 * The durable inbox. Deliveries are inserted with group commit (see GroupCommit): one
 * transaction and one multi-row INSERT per batch, each request answered after its batch
 * committed.
 */
@Injectable()
export class InboxWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Inbox');
  private readonly commits = new GroupCommit<DeliveryRecord, StoredDelivery>(
    (rows) => this.commit(rows),
    MAX_BATCH,
  );

  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly lock: StoreWriteLock,
    private readonly events: StoreEvents,
  ) {}

  async store(delivery: NewDelivery): Promise<StoredDelivery> {
    const row: DeliveryRecord = {
      id: newId(),
      provider: delivery.provider,
      endpoint: delivery.endpoint,
      type: delivery.type.slice(0, 200),
      providerDeliveryId: delivery.providerDeliveryId?.slice(0, 200) || null,
      occurredAt: delivery.occurredAt ?? null,
      receivedAt: delivery.receivedAt,
      contentType: delivery.contentType?.slice(0, 200) ?? null,
      headers: delivery.headers,
      rawBody: delivery.rawBody,
      status: 'pending',
      attempts: 0,
      planned: false,
    };
    try {
      return await this.commits.submit(row);
    } catch {
      throw new StoreUnavailableError();
    }
  }

  /** Requests already verified get their commit before the store closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.commits.flush();
  }

  private async commit(rows: DeliveryRecord[]): Promise<StoredDelivery[]> {
    try {
      const results = await this.lock.runExclusive(() =>
        this.dataSource.transaction((manager) => this.insertBatch(manager, rows)),
      );
      this.events.notifyStored(results.filter((r) => !r.duplicate).length);
      return results;
    } catch (error) {
      this.logger.error(`Could not commit ${rows.length} deliveries: ${(error as Error).message}`);
      throw error;
    }
  }

  /** One multi-row INSERT that skips rows whose (endpoint, delivery id) is already stored. */
  private async insertBatch(
    manager: EntityManager,
    batch: DeliveryRecord[],
  ): Promise<StoredDelivery[]> {
    // Duplicates inside the batch point at their first occurrence and are not inserted.
    const firstByKey = new Map<string, string>();
    const rows: DeliveryRecord[] = [];
    for (const row of batch) {
      const key = dedupeKey(row);
      if (key && firstByKey.has(key)) continue;
      if (key) firstByKey.set(key, row.id);
      rows.push(row);
    }
    await manager
      .createQueryBuilder()
      .insert()
      .into(this.entities.Delivery)
      .values(rows)
      .orIgnore()
      .updateEntity(false)
      .execute();

    // Which id owns each key now: ours if the insert took, an earlier delivery's if not.
    const keyed = rows.filter((row) => row.providerDeliveryId !== null);
    const owners = new Map<string, string>();
    if (keyed.length > 0) {
      const stored = await manager.getRepository(this.entities.Delivery).find({
        select: { id: true, endpoint: true, providerDeliveryId: true },
        where: { providerDeliveryId: In(keyed.map((row) => row.providerDeliveryId)) },
      });
      for (const found of stored) owners.set(dedupeKey(found)!, found.id);
    }
    return batch.map((row) => {
      const key = dedupeKey(row);
      const ownerId = key ? (owners.get(key) ?? firstByKey.get(key)!) : row.id;
      return { id: ownerId, duplicate: ownerId !== row.id };
    });
  }
}

function dedupeKey(row: Pick<DeliveryRecord, 'endpoint' | 'providerDeliveryId'>): string | null {
  return row.providerDeliveryId === null ? null : `${row.endpoint}\u0000${row.providerDeliveryId}`;
}
