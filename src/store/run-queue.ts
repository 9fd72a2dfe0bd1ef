import type {
  ClaimedRun,
  Planning,
  PlanningDelivery,
  PlanningLease,
  RunOutcome,
  StoredReply,
} from './model';

/**
 * The run queue: every write of the dispatch side. Planning runs for new deliveries, leasing
 * due runs to a worker, recording outcomes, giving runs back, and replays. The store module
 * binds it to the configured engine's adapter (SqliteRunQueue or PostgresRunQueue); the rest of
 * the app sees only this.
 */
export abstract class RunQueue {
  /**
   * Whether planPending leases the runs it plans to the worker (PostgreSQL). SQLite's planning
   * is cheap beside its claims, so it leaves them to be claimed
   * (docs/adr/0028-planning-leases-on-postgresql.md).
   */
  abstract readonly leasesWhilePlanning: boolean;

  /**
   * Create the runs of up to `limit` deliveries that have none yet (stored by a process that
   * runs no worker, or by an earlier build); a delivery no handler matches is done at once.
   * `planningRead` is called as the read is sent: a delivery committed after it may be missed.
   * With `lease` (where leasesWhilePlanning), planning takes only as many deliveries as the
   * worker has room for and writes their runs leased to it, as the inbox does on arrival.
   */
  abstract planPending(
    limit: number,
    handlersFor: (delivery: PlanningDelivery) => string[],
    planningRead?: () => void,
    lease?: PlanningLease,
  ): Promise<Planning>;

  /**
   * One turn of a worker: write back the outcomes of runs it finished, then lease up to `limit`
   * due runs to `owner` (counting their attempt), in one transaction. Returns the claimed runs
   * with their deliveries.
   */
  abstract recordAndClaim(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
  ): Promise<ClaimedRun[]>;

  /**
   * The outcome of a reply run (the first attempt of a reply handler, run in the request), with
   * the answer it gave when it gave one, in one transaction (shared by the reply runs that finish
   * together); the outcome counts only while `owner` still holds the run, as a turn's do.
   */
  abstract recordReply(outcome: RunOutcome, owner: string, reply?: StoredReply): Promise<void>;

  /**
   * Give back runs still held by `owner` (shutdown): the attempt did not happen. With
   * `onlyAtAttempt`, only those still at the attempt it gives for each.
   */
  abstract release(
    runIds: string[],
    owner: string,
    onlyAtAttempt?: ReadonlyMap<string, number>,
  ): Promise<void>;

  /**
   * Run `handlers` on a delivery again from a fresh attempt count: existing runs are reset,
   * missing ones (handlers added since) are created. Returns the runs touched.
   */
  abstract replay(deliveryId: string, handlers: string[]): Promise<number>;

  /** Reset the given runs (by id) if they are still dead or failed. Returns how many. */
  abstract retryRuns(runIds: string[]): Promise<number>;
}
