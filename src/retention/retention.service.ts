import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { HookgateConfig } from '../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../config/tokens';
import type { DeliveryStatus } from '../store/model';
import { ReplayTokens } from '../store/replay-tokens';
import { StoreMaintenance } from '../store/store-maintenance';

const DAY_MS = 86_400_000;
const INTERVAL_NAME = 'hookgate-retention';

export interface PurgeReport {
  deleted: number;
  bodiesDropped: number;
  /** Replay tokens (Mailgun's) past their window: they can no longer be replayed anyway. */
  replayTokensPurged: number;
}

/**
 * Deletes old deliveries (and their runs) in the background: succeeded ones after
 * `retention.deliveriesDays`, dead ones after `retention.deadDays`; optionally drops raw bodies
 * earlier, and forgets replay tokens whose window has passed. Deliveries still pending or
 * retrying are never purged. Work goes in small transactions (`batchSize` rows) with a pause
 * between them, so the request path never waits behind a long purge.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Retention');
  private running: Promise<PurgeReport> | null = null;

  constructor(
    private readonly store: StoreMaintenance,
    private readonly replayTokens: ReplayTokens,
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
      const replayTokensPurged = await this.inBatches((limit) =>
        this.replayTokens.purgeExpired(new Date(now), limit),
      );
      if (deleted || bodiesDropped || replayTokensPurged) {
        this.logger.log(
          `Purged ${deleted} deliveries, dropped ${bodiesDropped} raw bodies, ` +
            `forgot ${replayTokensPurged} expired replay tokens`,
        );
      }
      return { deleted, bodiesDropped, replayTokensPurged };
    } catch (error) {
      this.logger.error(`Retention pass failed: ${(error as Error).message}`);
      throw error;
    }
  }

  private deleteOlderThan(status: DeliveryStatus, cutoff: Date): Promise<number> {
    return this.inBatches((limit) => this.store.deleteDeliveries(status, cutoff, limit));
  }

  private dropBodiesOlderThan(cutoff: Date): Promise<number> {
    return this.inBatches((limit) => this.store.dropBodies(cutoff, limit));
  }

  /** Repeat a small transaction until it touches less than a full batch. */
  private async inBatches(batch: (limit: number) => Promise<number>): Promise<number> {
    let total = 0;
    for (;;) {
      const touched = await batch(this.config.retention.batchSize);
      total += touched;
      if (touched < this.config.retention.batchSize) return total;
      await new Promise((resolve) => setImmediate(resolve)); // let requests in between batches
    }
  }
}
