import type { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { HandlerRegistry } from '../handler.registry';
import type { ClaimedRun, Planning } from '../../store/model';
import type { RunQueue } from '../../store/run-queue';
import type { WorkerSlots } from './capacity';
import type { DueWork } from './due-work';
import type { OutcomeBuffer } from './outcome-buffer';
import { delay } from './settled';

/** Deliveries one planning reads at most; a full batch means more may wait. */
const PLAN_BATCH = 200;

/** What the worker's store calls read and update. */
export interface WorkerStoreDeps {
  runs: Pick<RunQueue, 'planPending' | 'recordAndClaim' | 'release' | 'leasesWhilePlanning'>;
  handlers: Pick<HandlerRegistry, 'matching'>;
  slots: WorkerSlots;
  due: DueWork;
  outcomes: OutcomeBuffer;
  logger: Pick<Logger, 'error'>;
  owner: string;
  leaseMs: () => number;
  stopping: () => boolean;
  /** Start waiting runs in the free slots. */
  startWaiting: () => void;
}

/**
 * The worker's calls to the store (plannings, turns, releases), each updating the worker's
 * state with what came back: runs to start, outcomes to write again, work that is due.
 */
export class WorkerStore {
  constructor(private readonly deps: WorkerStoreDeps) {}

  /**
   * Plan up to PLAN_BATCH deliveries. Where the store leases while planning (leasesWhilePlanning), the
   * room free now is offered to the planning (see RunQueue.planPending) and held meanwhile, as
   * the inbox's reservations are, so the turn beside it claims only beyond it; the runs it
   * leased start as its transaction commits. Returns how many deliveries it planned.
   */
  async plan(): Promise<number> {
    const { runs, handlers, slots, due } = this.deps;
    const lease = due.leaseFor(runs.leasesWhilePlanning, this.deps.stopping(), slots.room());
    if (lease.skip) return 0;
    const { room } = lease;
    slots.planningRoom = room;
    let planning: Planning;
    try {
      planning = await runs.planPending(
        PLAN_BATCH,
        (d) => handlers.matching(d).map((h) => h.name),
        // Signals until the read is sent are answered by it (including those of inbox commits
        // the planning waited behind); a later one asks for another planning.
        () => due.planningRead(),
        { owner: this.deps.owner, leaseMs: this.deps.leaseMs(), room },
      );
    } finally {
      slots.planningRoom = 0;
    }
    due.planned(planning);
    if (planning.leased.length > 0) {
      slots.waiting.add(planning.leased, performance.now());
      this.deps.startWaiting();
    }
    return planning.planned;
  }

  /**
   * A turn: give back the runs that waited too long to start, then record what finished and
   * claim up to `capacity` runs in one transaction; start as many of the claimed runs as there
   * are free slots, the rest wait for one. Returns how many runs were claimed.
   */
  async turn(capacity: number): Promise<number> {
    const { runs, slots, due, outcomes, logger } = this.deps;
    const stale = slots.waiting.takeStale();
    await this.release(stale);
    due.released(stale.length);
    const batch = outcomes.take();
    if (batch.length === 0 && capacity <= 0) return 0;
    let claimed: ClaimedRun[];
    try {
      claimed = await runs.recordAndClaim(
        batch.map((pending) => pending.outcome),
        capacity,
        this.deps.owner,
        this.deps.leaseMs(),
      );
      outcomes.recorded();
    } catch (error) {
      for (const dropped of outcomes.failed(batch)) {
        logger.error(
          `Could not record run ${dropped.outcome.runId}: ${(error as Error).message}; it runs again when its lease expires`,
        );
      }
      throw error;
    }
    slots.waiting.add(claimed, performance.now());
    this.deps.startWaiting();
    return claimed.length;
  }

  /**
   * Give runs back to the store (their attempt did not happen); if that fails, they stay leased
   * until their lease expires.
   */
  async release(runIds: string[]): Promise<void> {
    if (runIds.length === 0) return;
    await this.deps.runs
      .release(runIds, this.deps.owner)
      .catch((error: Error) =>
        this.deps.logger.error(`Could not release ${runIds.length} run(s): ${error.message}`),
      );
  }

  /** At shutdown: write the outcomes still waiting, retrying after a failure like the loop does. */
  async recordAll(): Promise<void> {
    while (this.deps.outcomes.waiting > 0) {
      try {
        await this.turn(0);
      } catch (error) {
        this.deps.logger.error(`Dispatch shutdown: ${(error as Error).message}`);
        await delay(this.deps.outcomes.backoffMs);
      }
    }
  }
}
