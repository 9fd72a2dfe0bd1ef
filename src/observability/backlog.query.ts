import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from '../store/data-source';
import { storedDate } from '../store/sqlite-datetime';
import { StoreEntitiesRef } from '../store/store-entities.ref';

export interface Backlog {
  due: number;
  oldestDueAgeSeconds: number;
  dead: number;
}

/** The dispatch backlog, read at scrape time. */
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
    // Raw aggregates come back as text on SQLite.
    const oldest = due?.oldest ? storedDate(due.oldest) : null;
    return {
      due: Number(due?.count ?? 0),
      oldestDueAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.getTime()) / 1000) : 0,
      dead,
    };
  }
}
