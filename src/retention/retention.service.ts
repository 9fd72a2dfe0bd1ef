import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, Raw } from 'typeorm';
import type { HookgateConfig } from '../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from '../store/data-source';
import type { DeliveryStatus } from '../store/entities';
import { StoreEntitiesRef } from '../store/store-entities.ref';
import { StoreWriteLock } from '../store/write-lock';
import { writeTransaction } from '../store/write-transaction';

const DAY_MS = 86_400_000;
const INTERVAL_NAME = 'hookgate-retention';

export interface PurgeReport {
  deleted: number;
  bodiesDropped: number;
}

/**
 * Deletes old deliveries (and their runs) in the background: succeeded ones after
 * `retention.deliveriesDays`, dead ones after `retention.deadDays`; optionally drops raw bodies
 * earlier. Deliveries still pending or retrying are never purged. Work goes in small
 * transactions (`batchSize` rows) with a pause between them, so the request path never waits
 * behind a long purge.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private running: Promise<PurgeReport> | null = null;

  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly lock: StoreWriteLock,
    private readonly scheduler: SchedulerRegistry,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.dispatch.enabled) return; // edge-only processes leave maintenance to workers
    const timer = setInterval(
      () => void this.purgeOnce().catch(() => undefined),
      this.config.retention.intervalMs,
    );
    timer.unref();
    this.scheduler.addInterval(INTERVAL_NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', INTERVAL_NAME))
      this.scheduler.deleteInterval(INTERVAL_NAME);
  }

  /** One purge pass (also callable directly, e.g. from tests). Overlapping calls share a pass. */
  purgeOnce(): Promise<PurgeReport> {
    this.running ??= this.purge().finally(() => (this.running = null));
    return this.running;
  }

  private async purge(): Promise<PurgeReport> {
    const { deliveriesDays, deadDays, rawBodyDays } = this.config.retention;
    const now = this.clock.now().getTime();
    try {
      let deleted = await this.deleteOlderThan(
        'succeeded',
        new Date(now - deliveriesDays * DAY_MS),
      );
      deleted += await this.deleteOlderThan('dead', new Date(now - deadDays * DAY_MS));
      const bodiesDropped =
        rawBodyDays === undefined
          ? 0
          : await this.dropBodiesOlderThan(new Date(now - rawBodyDays * DAY_MS));
      if (deleted || bodiesDropped) {
        this.logger.log(`Purged ${deleted} deliveries, dropped ${bodiesDropped} raw bodies`);
      }
      return { deleted, bodiesDropped };
    } catch (error) {
      this.logger.error(`Retention pass failed: ${(error as Error).message}`);
      throw error;
    }
  }

  private async deleteOlderThan(status: DeliveryStatus, cutoff: Date): Promise<number> {
    return this.inBatches(async (manager) => {
      const deliveries = manager.getRepository(this.entities.Delivery);
      const batch = await deliveries.find({
        select: { id: true },
        where: { status, receivedAt: LessThan(cutoff) },
        take: this.config.retention.batchSize,
      });
      const ids = batch.map((d) => d.id);
      if (ids.length === 0) return 0;
      await manager.getRepository(this.entities.Run).delete({ deliveryId: In(ids) });
      await manager.getRepository(this.entities.DeliveryBody).delete({ deliveryId: In(ids) });
      await deliveries.delete({ id: In(ids) });
      return ids.length;
    });
  }

  private async dropBodiesOlderThan(cutoff: Date): Promise<number> {
    return this.inBatches(async (manager) => {
      const batch = await manager.getRepository(this.entities.Delivery).find({
        select: { id: true },
        where: {
          id: Raw((id) => `${id} IN (SELECT "delivery_id" FROM "delivery_bodies")`),
          receivedAt: LessThan(cutoff),
          status: In(['succeeded', 'dead']),
        },
        take: this.config.retention.batchSize,
      });
      const ids = batch.map((d) => d.id);
      if (ids.length > 0) {
        await manager.getRepository(this.entities.DeliveryBody).delete({ deliveryId: In(ids) });
      }
      return ids.length;
    });
  }

  /** Repeat a small transaction until it touches less than a full batch. */
  private async inBatches(
    step: (manager: DataSource['manager']) => Promise<number>,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const touched = await this.lock.runExclusive(() => writeTransaction(this.dataSource, step));
      total += touched;
      if (touched < this.config.retention.batchSize) return total;
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
    }
  }
}
