import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../config/tokens';
import { type Backlog, StoreMaintenance } from '../store/store-maintenance';

export type { Backlog };

/** The dispatch backlog, read from the store at scrape time (see StoreMaintenance.backlog). */
@Injectable()
export class BacklogQuery {
  constructor(
    private readonly store: StoreMaintenance,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  read(): Promise<Backlog> {
    return this.store.backlog(this.clock.now());
  }
}
