import type { ClaimedRun } from '../../store/model';

/** How long a run claimed ahead should expect to wait in the process before it starts. */
const CLAIM_AHEAD_WAIT_MS = 100;
/** Payload bytes the runs claimed ahead may hold in memory, at their recent average size. */
const CLAIM_AHEAD_BYTES = 16 * 1024 * 1024;
/** Weight of the newest run in the moving averages. */
const WEIGHT = 0.1;

/**
 * How many runs a worker may claim beyond its free slots. Each claim is a store transaction, so
 * cheap handlers run far more often than a worker could claim `concurrency` runs at a time;
 * claiming ahead lets one transaction serve several rounds of them. Only as many as the
 * handlers, at their recent pace, would start within CLAIM_AHEAD_WAIT_MS: slow handlers get
 * none, so their runs are not held by one process while another idles, and a worker that has
 * not timed a run yet claims none. Large payloads get fewer: the runs claimed ahead hold about
 * CLAIM_AHEAD_BYTES of them at most. With a lease margin too short for a run to wait
 * CLAIM_AHEAD_WAIT_MS (see WaitingRuns), nothing is claimed ahead: it would only be given back.
 */
export class ClaimAhead {
  private averageMs: number | undefined;
  private averageBytes = 0;

  private readonly prefetch: number;

  constructor(
    private readonly concurrency: number,
    prefetch: number,
    maxWaitMs: number,
  ) {
    this.prefetch = maxWaitMs >= CLAIM_AHEAD_WAIT_MS ? prefetch : 0;
  }

  /** Note one finished run: how long it took and the size of its delivery's body. */
  record(ms: number, bodyBytes: number): void {
    if (this.averageMs === undefined) {
      this.averageMs = ms;
      this.averageBytes = bodyBytes;
    } else {
      this.averageMs += WEIGHT * (ms - this.averageMs);
      this.averageBytes += WEIGHT * (bodyBytes - this.averageBytes);
    }
  }

  /** Runs to claim beyond the free slots now. */
  allowance(): number {
    if (this.averageMs === undefined || this.prefetch === 0) return 0;
    const startable = (this.concurrency * CLAIM_AHEAD_WAIT_MS) / Math.max(this.averageMs, 0.001);
    const affordable = CLAIM_AHEAD_BYTES / Math.max(this.averageBytes, 1);
    return Math.floor(Math.min(this.prefetch, startable, affordable));
  }
}

/**
 * Claimed runs waiting for a free slot, oldest claim first. A run may only start while its
 * lease can still cover a whole attempt and half the lease's margin beyond it (to record a
 * timed-out attempt before the lease ends); one that waited longer is set aside to be given
 * back, so no other process takes it over while it runs here.
 */
export class WaitingRuns {
  private readonly queue: { work: ClaimedRun; claimedAt: number }[] = [];
  private stale: string[] = [];
  /** How long a claimed run may wait to start. */
  readonly maxWaitMs: number;

  constructor(leaseMs: number, timeoutMs: number) {
    this.maxWaitMs = Math.max(0, (leaseMs - timeoutMs) / 2);
  }

  get size(): number {
    return this.queue.length;
  }

  /**
   * `claimedAt`: the monotonic time (performance.now()) when the claim returned; the other half
   * of the margin covers the claim's own transaction and recording the outcome.
   */
  add(claimed: readonly ClaimedRun[], claimedAt: number): void {
    for (const work of claimed) this.queue.push({ work, claimedAt });
  }

  /** The next run that may still start; those that waited too long go to the stale list. */
  next(now: number): ClaimedRun | undefined {
    for (let entry = this.queue.shift(); entry; entry = this.queue.shift()) {
      if (now - entry.claimedAt <= this.maxWaitMs) return entry.work;
      this.stale.push(entry.work.run.id);
    }
    return undefined;
  }

  /** The runs set aside as stale since the last call, to release. */
  takeStale(): string[] {
    const stale = this.stale;
    this.stale = [];
    return stale;
  }

  /** Empty the queue (shutdown): the ids of every run still waiting, stale ones included. */
  takeAll(): string[] {
    const ids = [...this.takeStale(), ...this.queue.map((entry) => entry.work.run.id)];
    this.queue.length = 0;
    return ids;
  }
}
