import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from '../store/data-source';
import { storedDate } from '../store/sqlite/sqlite-datetime';
import { StoreEntitiesRef } from '../store/store-entities.ref';

export interface Backlog {
  due: number;
  oldestDueAgeSeconds: number;
  dead: number;
  /** Deliveries no worker has created runs for yet (invisible in `due`). */
  unplanned: number;
  oldestUnplannedAgeSeconds: number;
}

/**
 * The dispatch backlog, read at scrape time: runs waiting, and deliveries stored that no worker
 * has planned yet (an edge whose workers are down or behind; they have no runs to count).
 */
@Injectable()
export class BacklogQuery {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async read(): Promise<Backlog> {
    const now = this.clock.now();
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
    // Raw aggregates come back as text on SQLite.
    const oldest = due?.oldest ? storedDate(due.oldest) : null;
    return {
      due: Number(due?.count ?? 0),
      oldestDueAgeSeconds: ageSeconds(now, oldest),
      dead,
      unplanned,
      oldestUnplannedAgeSeconds: ageSeconds(now, oldestUnplanned?.receivedAt ?? null),
    };
  }
}

function ageSeconds(now: Date, since: Date | null): number {
  return since ? Math.max(0, (now.getTime() - since.getTime()) / 1000) : 0;
}
