import type { DispatchConfig } from '../../config/config.schema';
import { ClaimAhead, WaitingRuns } from './claim-ahead';

/** A run whose handler is executing in this process. */
export interface InFlightRun {
  execution: Promise<void>;
  /** Aborts the signal the handler got (event.signal). */
  controller: AbortController;
}

/** Why the inbox got no room for a batch's runs (see WorkerSlots.reserve). */
export type ReserveRefusal = 'stopping' | 'unrecorded' | 'no room';

/**
 * The runs this worker holds and the room left beside them. A slot is a place for one executing
 * run (`concurrency` of them); a claim, a planning's lease or an arrival's reservation may take
 * the free slots plus the claim-ahead allowance, the runs beyond the slots waiting here to start.
 * Held runs are those executing, waiting to start, reserved by the inbox, or offered to a
 * planning in flight: all count against the same room, so none of them overfills the worker.
 */
export class WorkerSlots {
  /** Runs whose handler is executing, by run id. */
  readonly inFlight = new Map<string, InFlightRun>();
  /** Runs claimed, leased by a planning or settled by the inbox, not started yet. */
  readonly waiting: WaitingRuns;
  /** Runs the inbox reserved room for and has not settled yet. */
  reserved = 0;
  /** Room offered to the planning in flight for the runs it leases. */
  planningRoom = 0;
  readonly claimAhead: ClaimAhead;

  constructor(
    private readonly limits: Pick<DispatchConfig, 'concurrency' | 'prefetch'>,
    leaseMs: number,
    timeoutMs: number,
  ) {
    this.waiting = new WaitingRuns(leaseMs, timeoutMs);
    this.claimAhead = new ClaimAhead(limits.concurrency, limits.prefetch, this.waiting.maxWaitMs);
  }

  /** Runs executing, waiting to start, reserved by the inbox or offered to a planning. */
  get held(): number {
    return this.inFlight.size + this.waiting.size + this.reserved + this.planningRoom;
  }

  /** Whether a waiting run may start now. */
  get slotFree(): boolean {
    return this.inFlight.size < this.limits.concurrency;
  }

  /** Room for a claim or a planning's lease: the free slots plus the claim-ahead allowance. */
  room(): number {
    return Math.max(0, this.limits.concurrency + this.claimAhead.allowance() - this.held);
  }

  /**
   * Reserve room for `runs` runs the inbox stores leased on arrival, or say why not. Refused
   * while as many outcomes wait to be recorded as concurrency + prefetch: turns that fall behind
   * or fail stop arrivals from piling up finished runs that a crash would repeat. Neither what a
   * claim in flight may bring nor runs waiting in the store are counted: holding arrivals back
   * for them makes the arrivals overflow into the store, and claiming them from there is slower
   * than taking them on arrival.
   */
  reserve(runs: number, stopping: boolean, unrecorded: number): ReserveRefusal | null {
    if (stopping) return 'stopping';
    const { concurrency, prefetch } = this.limits;
    if (unrecorded >= concurrency + prefetch) return 'unrecorded';
    if (this.held + runs > concurrency + this.claimAhead.allowance()) return 'no room';
    this.reserved += runs;
    return null;
  }
}
