import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, Raw } from 'typeorm';
import { HOOKGATE_CONNECTION } from './connection';
import type { DeliveryStatus } from './model';
import { REPLIES_TABLE } from './sql/replies';
import { storedDate } from './sql/stored-date';
import { StoreEntitiesRef } from './store-entities.ref';
import { StoreWriteLock } from './write-lock';
import { writeTransaction } from './write-transaction';

/** The dispatch backlog at one moment (see StoreMaintenance.backlog). */
export interface Backlog {
  due: number;
  oldestDueAgeSeconds: number;
  dead: number;
  /** Deliveries no worker has created runs for yet (invisible in `due`). */
  unplanned: number;
  oldestUnplannedAgeSeconds: number;
}

/**
 * The store's housekeeping port: retention's deletes, one small transaction per call so the
 * request path never waits behind a long purge; the backlog read at scrape time; and the
 * schema's state for readiness.
 */
@Injectable()
export class StoreMaintenance {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly lock: StoreWriteLock,
  ) {}

  /**
   * Delete up to `limit` deliveries with `status` received before `cutoff`, with their runs,
   * their attempt log, bodies and replies. Returns how many.
   */
  deleteDeliveries(status: DeliveryStatus, cutoff: Date, limit: number): Promise<number> {
    return this.write(async (manager) => {
      const deliveries = manager.getRepository(this.entities.Delivery);
      const batch = await deliveries.find({
        select: { id: true },
        where: { status, receivedAt: LessThan(cutoff) },
        take: limit,
      });
      const ids = batch.map((d) => d.id);
      if (ids.length === 0) return 0;
      // The attempt log has no foreign key (see the RunAttempts migration): deleted here.
      await manager
        .createQueryBuilder()
        .delete()
        .from('run_attempts')
        .where('"delivery_id" IN (:...ids)', { ids })
        .execute();
      await manager.getRepository(this.entities.Run).delete({ deliveryId: In(ids) });
      await manager.getRepository(this.entities.DeliveryBody).delete({ deliveryId: In(ids) });
      await manager
        .createQueryBuilder()
        .delete()
        .from(REPLIES_TABLE)
        .where('delivery_id IN (:...ids)', { ids })
        .execute();
      await deliveries.delete({ id: In(ids) });
      return ids.length;
    });
  }

  /** Drop the raw bodies of up to `limit` finished deliveries received before `cutoff`. */
  dropBodies(cutoff: Date, limit: number): Promise<number> {
    return this.write(async (manager) => {
      const batch = await manager.getRepository(this.entities.Delivery).find({
        select: { id: true },
        where: {
          id: Raw((id) => `${id} IN (SELECT "delivery_id" FROM "delivery_bodies")`),
          receivedAt: LessThan(cutoff),
          status: In(['succeeded', 'dead']),
        },
        take: limit,
      });
      const ids = batch.map((d) => d.id);
      if (ids.length > 0) {
        await manager.getRepository(this.entities.DeliveryBody).delete({ deliveryId: In(ids) });
      }
      return ids.length;
    });
  }

  /**
   * Runs waiting, and deliveries stored that no worker has planned yet (an edge whose workers
   * are down or behind; they have no runs to count).
   */
  async backlog(now: Date): Promise<Backlog> {
    const runs = this.dataSource.getRepository(this.entities.Run);
    const due = await runs
      .createQueryBuilder('r')
      .select('COUNT(*)', 'count')
      .addSelect('MIN(r.nextAttemptAt)', 'oldest')
      .where('r.status IN (:...waiting)', { waiting: ['pending', 'failed'] })
      .andWhere('r.nextAttemptAt <= :now', { now })
      .getRawOne<{ count: string | number; oldest: string | Date | null }>();
    const dead = await runs.countBy({ status: 'dead' });
    const deliveries = this.dataSource.getRepository(this.entities.Delivery);
    // Both walk ix_deliveries_planned (planned, id); ids are time-ordered (UUIDv7).
    const unplanned = await deliveries.countBy({ planned: false });
    const oldestUnplanned =
      unplanned > 0
        ? await deliveries.findOne({
            select: { id: true, receivedAt: true },
            where: { planned: false },
            order: { id: 'ASC' },
          })
        : null;
    // Raw aggregates come back as text on some engines.
    const oldest = due?.oldest ? storedDate(due.oldest) : null;
    return {
      due: Number(due?.count ?? 0),
      oldestDueAgeSeconds: ageSeconds(now, oldest),
      dead,
      unplanned,
      oldestUnplannedAgeSeconds: ageSeconds(now, oldestUnplanned?.receivedAt ?? null),
    };
  }

  /** Whether migrations are pending (readiness). */
  pendingMigrations(): Promise<boolean> {
    return this.dataSource.showMigrations();
  }

  private write(step: (manager: EntityManager) => Promise<number>): Promise<number> {
    return this.lock.runExclusive(() => writeTransaction(this.dataSource, step));
  }
}

function ageSeconds(now: Date, since: Date | null): number {
  return since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0;
}
