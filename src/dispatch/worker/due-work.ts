import type { StoredWork } from '../../store/store-events';
import type { Planning } from '../../store/model';

/** What one iteration lets its turn claim (see DueWork.claimFor). */
export interface ClaimOffer {
  /** Runs the turn may claim: the room free now, or 0 when no claim is due. */
  capacity: number;
  /** A claim is due but a planning in flight holds the room. */
  starved: boolean;
}

/** Whether to offer a planning room to lease the runs it creates, or to skip it (see leaseFor). */
export type PlanningLeaseRoom = { skip: true } | { skip: false; room: number };

/**
 * Which work the loop should look for in the store. Signals, polls and the results of plannings
 * and turns set these flags; a planning or a claim clears its flag as it sends its read. A flag
 * left on costs one read that finds nothing, a flag wrongly off leaves work until the next poll,
 * so every doubt sets one.
 */
export class DueWork {
  /** Deliveries without runs may be waiting to be planned. */
  planningDue = true;
  /** Due runs nobody holds may be waiting in the store to be claimed. */
  claimDue = true;
  /**
   * A turn could not claim due runs because a planning held the room. Until a turn is offered
   * room, plannings that would lease are skipped, so new deliveries cannot starve retries and
   * expired leases.
   */
  claimStarved = false;
  /**
   * The last planning found deliveries: a backlog is being worked through, and plannings take
   * room to lease what they plan. Off after one that found nothing, so the plannings that usually
   * find nothing (each poll, each other process's commit signal) hold no room from arrivals.
   */
  backlog = true;
  /** When the loop last polled: looked for work that no signal announces. */
  private lastPollAt = 0;

  constructor(private readonly pollIntervalMs: number) {}

  /**
   * At the start of an iteration: once the poll interval has passed, both kinds of work are due.
   * This catches runs that became due (retries, expired leases) and deliveries stored where no
   * signal reaches, also while arrivals keep the loop from sleeping.
   */
  poll(now: number): void {
    if (now - this.lastPollAt >= this.pollIntervalMs) {
      this.lastPollAt = now;
      this.planningDue = this.claimDue = true;
    }
  }

  /** How long the loop may sleep, unless woken, before the next poll. */
  msToNextPoll(now: number): number {
    return Math.max(0, this.lastPollAt + this.pollIntervalMs - now);
  }

  /** A commit signal announced stored `work`; returns whether the loop should wake for it. */
  stored(work: StoredWork): boolean {
    if (work === 'none') return false;
    if (work === 'plan') this.planningDue = true;
    this.claimDue = true;
    return true;
  }

  /** An iteration failed: its planning or claim may have sent its read, so both are due again. */
  failed(): void {
    this.planningDue = true;
    this.claimDue = true;
  }

  /**
   * What the turn may claim with `room` free. A due claim takes all the room and clears the flag:
   * signals until the claim is sent are answered by it, a later one asks for another.
   */
  claimFor(room: number, stopping: boolean, planningRoom: number): ClaimOffer {
    const capacity = this.claimDue && !stopping ? room : 0;
    if (capacity > 0) this.claimDue = false;
    const starved = this.claimDue && !stopping && planningRoom > 0;
    return { capacity, starved };
  }

  /** Stale runs were given back to the store: claim them again when there is room. */
  released(stale: number): void {
    if (stale > 0) this.claimDue = true;
  }

  /**
   * After the turn (`claimed` runs, null when it failed) and the planning beside it. A full claim
   * may have left more runs due; what a planning did not lease, it marks due itself (planned).
   * A starved claim stays starved until a turn is offered room: the runs the planning leased
   * may fill the slots first.
   */
  turnDone(offer: ClaimOffer, claimed: number | null, stopping: boolean): void {
    if (claimed !== null && offer.capacity > 0 && claimed === offer.capacity) this.claimDue = true;
    this.claimStarved =
      this.claimDue && !stopping && (offer.starved || (this.claimStarved && offer.capacity === 0));
  }

  /**
   * Whether the loop should start its next iteration at once instead of sleeping: the planning
   * found deliveries, outcomes wait to be recorded, a starved claim is still due, or the claim
   * was full.
   */
  busy(offer: ClaimOffer, claimed: number, planned: number, finished: number): boolean {
    return (
      planned > 0 ||
      finished > 0 ||
      (offer.starved && this.claimDue) ||
      (offer.capacity > 0 && claimed === offer.capacity)
    );
  }

  /**
   * The room to offer a planning for leasing its runs: none unless the store leases while
   * planning, the worker is not stopping and a backlog is being worked through. A planning that
   * would lease is skipped while a claim is starved (the turn gets the room) or while there is
   * no room: planned now, its runs would wait to be claimed, each updated once more with its
   * delivery. Planning stays due, and runs finishing meanwhile wake the loop for it.
   */
  leaseFor(leasesWhilePlanning: boolean, stopping: boolean, room: number): PlanningLeaseRoom {
    const leasing = leasesWhilePlanning && !stopping && this.backlog;
    const offered = leasing && !this.claimStarved ? room : 0;
    if (leasing && offered === 0) return { skip: true };
    return { skip: false, room: offered };
  }

  /** The planning's read was sent: signals until then are answered by it. */
  planningRead(): void {
    this.planningDue = false;
  }

  /** A planning ended: a full one may have left more, what it did not lease waits to be claimed. */
  planned(planning: Planning): void {
    if (planning.full) this.planningDue = true;
    this.backlog = planning.planned > 0;
    if (planning.waiting > 0) this.claimDue = true;
  }
}
