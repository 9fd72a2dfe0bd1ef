import type { RunOutcome } from '../../store/model';

/** Turns that try to write one run's outcome before leaving the run to its lease's expiry. */
export const RECORD_ATTEMPTS = 4;
/** The wait after the first failed iteration; it doubles with each turn the store refuses. */
const STORE_BACKOFF_MS = 250;

/** A finished run's outcome waiting for a turn to record it. */
export interface PendingOutcome {
  outcome: RunOutcome;
  /** Turns that failed to record it. */
  failures: number;
}

/**
 * The outcomes of finished runs until a turn commits them. Each run holds its lease until then,
 * so a crash repeats it; outcomes are written in batches with the turn's claim instead of one
 * transaction per run.
 */
export class OutcomeBuffer {
  /** Outcomes of finished runs not taken by a turn yet. */
  private finished: PendingOutcome[] = [];
  /** Outcomes taken by the turn in progress, not committed yet. */
  private recording = 0;
  /** Turns in a row that the store refused (for the backoff). */
  private storeFailures = 0;

  /** Outcomes waiting for the next turn. */
  get waiting(): number {
    return this.finished.length;
  }

  /** Outcomes not committed yet: waiting, or being written by a turn. */
  get unrecorded(): number {
    return this.finished.length + this.recording;
  }

  /** How long the loop waits after a failed iteration. */
  get backoffMs(): number {
    return STORE_BACKOFF_MS * 2 ** Math.min(this.storeFailures, RECORD_ATTEMPTS);
  }

  add(outcome: RunOutcome): void {
    this.finished.push({ outcome, failures: 0 });
  }

  /** Every waiting outcome, for a turn to write; they count as being recorded until it ends. */
  take(): PendingOutcome[] {
    const batch = this.finished;
    this.finished = [];
    this.recording = batch.length;
    return batch;
  }

  /** The turn committed what it took. */
  recorded(): void {
    this.storeFailures = 0;
    this.recording = 0;
  }

  /**
   * The store refused the turn: its outcomes wait for the next one, behind those that finished
   * meanwhile. Returns those that failed RECORD_ATTEMPTS times, dropped: their runs run again
   * when their lease expires.
   */
  failed(batch: readonly PendingOutcome[]): PendingOutcome[] {
    this.storeFailures += 1;
    const dropped: PendingOutcome[] = [];
    for (const pending of batch) {
      pending.failures += 1;
      if (pending.failures < RECORD_ATTEMPTS) this.finished.push(pending);
      else dropped.push(pending);
    }
    this.recording = 0;
    return dropped;
  }
}
