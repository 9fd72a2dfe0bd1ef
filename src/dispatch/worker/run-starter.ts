import type { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { ClaimedRun } from '../../store/model';
import type { WorkerSlots } from './capacity';
import type { OutcomeBuffer } from './outcome-buffer';
import { executeRun, type RunExecutionDeps } from './run-execution';

/** What starting runs needs from the worker. */
export interface RunStarterDeps {
  slots: WorkerSlots;
  outcomes: OutcomeBuffer;
  execution: RunExecutionDeps;
  logger: Pick<Logger, 'error'>;
  stopping: () => boolean;
  /** Wake the loop: a finished run has an outcome to record and frees room. */
  poke: () => void;
}

/** Starts waiting runs in free slots; each finished run's outcome goes to the outcome buffer. */
export class RunStarter {
  constructor(private readonly deps: RunStarterDeps) {}

  /** Fill the free slots with waiting runs (not once shutdown began: those are released). */
  startWaiting(): void {
    const { slots } = this.deps;
    while (!this.deps.stopping() && slots.slotFree) {
      const work = slots.waiting.next(performance.now());
      if (!work) return;
      this.start(work);
    }
  }

  private start(work: ClaimedRun): void {
    const { slots, outcomes, logger } = this.deps;
    const controller = new AbortController();
    const execution = executeRun(work, controller, this.deps.execution)
      .then(
        (outcome) => void outcomes.add(outcome),
        (error: Error) =>
          logger.error(
            `Run ${work.run.id} failed outside its handler: ${error.message}; it runs again when its lease expires`,
          ),
      )
      .finally(() => {
        slots.inFlight.delete(work.run.id);
        this.startWaiting();
        this.deps.poke();
      });
    slots.inFlight.set(work.run.id, { execution, controller });
  }
}
