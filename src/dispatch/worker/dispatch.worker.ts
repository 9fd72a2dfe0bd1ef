import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { HookgateConfig } from '../../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../../config/tokens';
import { MetricsService } from '../../observability/metrics.service';
import { EndpointRegistry } from '../../pipeline/endpoint.registry';
import type { ArrivalDispatch, ArrivalLease, InboxRow } from '../../store/arrival-plan';
import { InboxWriter } from '../../store/inbox.writer';
import { StoreEvents } from '../../store/store-events';
import { arrivalClaims } from '../arrival-claims';
import { ClaimAhead, WaitingRuns } from './claim-ahead';
import { buildWebhookEvent } from '../event-builder';
import { HandlerRegistry } from '../handler.registry';
import { runWithDeadline } from './run-deadline';
import { failureOutcome } from './run-outcome';
import { ClaimedRun, Planning, RunOutcome, RunStore } from '../run.store';

const PLAN_BATCH = 200;
/** Turns that try to write one run's outcome before leaving it to lease expiry (~4–7 s in all). */
const RECORD_ATTEMPTS = 4;
const STORE_BACKOFF_MS = 250;
/** Extra lease beyond the handler timeout, so a run that times out is recorded before it expires. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Claims due runs and executes them, at most `dispatch.concurrency` at a time. Woken at once
 * when the inbox commits new deliveries or a run finishes; polls as a fallback (due retries,
 * work written by other processes).
 *
 * Each turn of the loop is one transaction that records the outcomes of the runs finished since
 * the last turn and, when runs may be waiting unclaimed, claims some for the slots they free
 * (see iterate). When handlers are fast it also claims
 * up to `dispatch.prefetch` runs ahead (see ClaimAhead); those wait here and start the moment a
 * handler finishes, without waiting for the next turn. A claimed run holds its lease until its
 * outcome is committed, so the outcomes of a busy worker are written in batches, together with
 * its claims, and a crash repeats the runs it held (at most twice `concurrency + prefetch`, see
 * reserve).
 *
 * This process's own inbox plans what it stores and leases the runs to this worker while it has
 * room (ArrivalDispatch); those start when their batch commits, without a planning or a claim.
 * Turns then mostly record outcomes; they claim when the store may hold runs nobody leased
 * (stored while this worker was full, retries, other processes' deliveries, expired leases).
 */
@Injectable()
export class DispatchWorker
  implements OnApplicationBootstrap, BeforeApplicationShutdown, ArrivalDispatch
{
  private readonly logger = new Logger('Dispatch');
  /** Identifies this process's leases. */
  readonly owner = `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(4).toString('hex')}`;
  /** Runs whose handler is executing, with the controller that cancels each. */
  private readonly inFlight = new Map<string, InFlightRun>();
  /** Runs claimed and not started yet. */
  private readonly waiting: WaitingRuns;
  /** Runs the inbox is storing leased to this worker, not handed over yet (see reserve). */
  private reserved = 0;
  /** Room a planning in flight offered to lease what it plans (see planBatch). */
  private planningRoom = 0;
  /**
   * A turn could not claim due runs because a planning held the room: the next iteration
   * leaves the room to the turn, so new deliveries cannot starve retries and expired leases.
   */
  private claimStarved = false;
  /**
   * The last planning found deliveries: a backlog is being worked through, and plannings take
   * the room to lease what they plan. Off after one that found nothing, so the plannings that
   * usually find nothing (each poll; on PostgreSQL each signal of another process's commit) do
   * not hold room that the inbox's arrivals would otherwise get.
   */
  private planningBacklog = true;
  private readonly claimAhead: ClaimAhead;
  /** Runs whose handler finished, waiting for the next turn to record them; each holds a lease. */
  private finished: PendingOutcome[] = [];
  /** Outcomes taken from `finished` by the turn in progress, not committed yet (for metrics). */
  private recording = 0;
  /** Turns in a row that could not write to the store (for the backoff). */
  private storeFailures = 0;
  private loop: Promise<void> | null = null;
  /** New deliveries may be waiting for their runs (set by the inbox's signal and by each poll). */
  private planningDue = true;
  /** Due runs nobody holds may be waiting in the store (set by signals, polls, full claims). */
  private claimDue = true;
  /** When the loop last looked for work no signal announces (retries, other processes'). */
  private lastPollAt = 0;
  /** When the loop last completed an iteration (for readiness). */
  private lastTickAt = 0;
  private stopping = false;
  private poked = false;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly runs: RunStore,
    private readonly handlers: HandlerRegistry,
    private readonly endpoints: EndpointRegistry,
    private readonly events: StoreEvents,
    private readonly inbox: InboxWriter,
    private readonly metrics: MetricsService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const { concurrency, prefetch, timeoutMs } = config.dispatch;
    this.waiting = new WaitingRuns(this.leaseMs, timeoutMs);
    this.claimAhead = new ClaimAhead(concurrency, prefetch, this.waiting.maxWaitMs);
  }

  /** Runs running, waiting to start, or reserved by the inbox: what the slots and claims count. */
  private get held(): number {
    return this.inFlight.size + this.waiting.size + this.reserved + this.planningRoom;
  }

  private get leaseMs(): number {
    return this.config.dispatch.leaseMs ?? this.config.dispatch.timeoutMs + LEASE_MARGIN_MS;
  }

  onApplicationBootstrap(): void {
    if (!this.config.dispatch.enabled) return;
    this.inbox.dispatchOnArrival(this);
    this.unsubscribe = this.events.onStored((_count, _origin, work) => {
      if (work === 'none') return;
      if (work === 'plan') this.planningDue = true;
      this.claimDue = true;
      this.poke();
    });
    this.metrics.watchDispatch(() => ({
      running: this.inFlight.size,
      waiting: this.waiting.size + this.reserved,
      unrecorded: this.finished.length + this.recording,
      claimAheadAllowance: this.claimAhead.allowance(),
    }));
    this.loop = this.runLoop();
  }

  /**
   * For readiness: 'disabled' when this process runs no worker, otherwise whether the loop
   * turned recently (a stuck loop stops turning).
   */
  health(): { state: 'disabled' | 'running' | 'stalled' | 'stopped'; lastTickAgoMs?: number } {
    if (!this.config.dispatch.enabled) return { state: 'disabled' };
    if (!this.loop || this.stopping) return { state: 'stopped' };
    const lastTickAgoMs = Date.now() - this.lastTickAt;
    const limit = Math.max(30_000, this.config.dispatch.pollIntervalMs * 10);
    return { state: lastTickAgoMs <= limit ? 'running' : 'stalled', lastTickAgoMs };
  }

  handlersFor(delivery: Pick<InboxRow, 'provider' | 'endpoint' | 'type'>): string[] {
    return this.handlers.matching(delivery).map((handler) => handler.name);
  }

  /**
   * Room for `runs` more runs, within what a turn could claim (concurrency plus the claim-ahead
   * allowance) beside the runs running, waiting or reserved. None while as many
   * outcomes wait to be recorded as concurrency + prefetch: turns that fall behind or fail stop
   * arrivals from piling up finished runs a crash would repeat. (Runs waiting in the store get
   * the room a turn finds free; refusing arrivals until they are claimed was tried, and kept the
   * worker claiming, ~17% slower, for as long as the load lasted.)
   */
  reserve(runs: number): ArrivalLease | null {
    if (this.stopping || !this.loop) return null;
    const { concurrency, prefetch } = this.config.dispatch;
    if (this.finished.length + this.recording >= concurrency + prefetch) return null;
    // Not counting what a claim in flight may bring: holding arrivals back meanwhile made them
    // overflow into the store, and the worker kept claiming them, ~15% slower (bench/README.md).
    if (this.held + runs > concurrency + this.claimAhead.allowance()) return null;
    this.reserved += runs;
    const expiresAt = new Date(this.clock.now().getTime() + this.leaseMs);
    return { owner: this.owner, expiresAt, leasedAt: performance.now() };
  }

  settle(reserved: number, leased: readonly InboxRow[]): void {
    this.reserved -= reserved;
    if (leased.length === 0) return;
    // Their wait to start counts from when the lease began, as a claimed run's does.
    for (const row of leased) this.waiting.add(arrivalClaims(row), row.lease!.leasedAt);
    // After the batch's requests are answered: handlers may take a while to call.
    setImmediate(() => this.startWaiting());
  }

  /** Work is (probably) waiting: skip the rest of the current sleep. */
  poke(): void {
    this.poked = true;
    this.wakeUp?.();
  }

  /**
   * Stop claiming and starting runs, let in-flight runs finish up to the grace period, release
   * the rest and those that never started.
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.unsubscribe?.();
    this.poke();
    await this.loop;
    // Batches the inbox is committing hand their runs over (not started now: released below).
    await this.inbox.flush();
    const notStarted = this.waiting.takeAll();
    const grace = this.config.dispatch.shutdownGraceMs;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight.values()].map((run) => run.execution)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, grace))),
    ]);
    clearTimeout(timer);
    const unfinished = [...this.inFlight.keys()];
    await this.recordFinished();
    if (unfinished.length > 0) {
      this.logger.warn(`Releasing ${unfinished.length} run(s) still in flight after ${grace} ms`);
      // Handlers that honour event.signal stop now, before another process runs them again.
      for (const run of this.inFlight.values())
        run.controller.abort(new Error('The gateway shut down before the run finished.'));
    }
    await this.release([...unfinished, ...notStarted]);
  }

  /** Give runs back to the store (their attempt did not happen); on failure they wait for their lease. */
  private async release(runIds: string[]): Promise<void> {
    if (runIds.length === 0) return;
    await this.runs
      .release(runIds, this.owner)
      .catch((error: Error) =>
        this.logger.error(`Could not release ${runIds.length} run(s): ${error.message}`),
      );
  }

  private async runLoop(): Promise<void> {
    const { concurrency, pollIntervalMs } = this.config.dispatch;
    while (!this.stopping) {
      this.lastTickAt = Date.now();
      // The poll: runs that became due (retries, expired leases) and deliveries stored where no
      // signal reaches, also while arrivals keep the loop busy and it never sleeps.
      if (this.lastTickAt - this.lastPollAt >= pollIntervalMs) {
        this.lastPollAt = this.lastTickAt;
        this.planningDue = this.claimDue = true;
      }
      let busy = false;
      try {
        busy = await this.iterate(concurrency);
      } catch (error) {
        // A failed planning or claim may have sent its read: again (harmless if nothing waits).
        this.planningDue = true;
        this.claimDue = true;
        this.logger.error(`Dispatch loop: ${(error as Error).message}`);
        await delay(STORE_BACKOFF_MS * 2 ** Math.min(this.storeFailures, RECORD_ATTEMPTS));
      }
      // Until poked, or until the next poll is due.
      if (!busy && !this.stopping) {
        await this.sleep(Math.max(0, this.lastPollAt + pollIntervalMs - Date.now()));
      }
    }
  }

  /**
   * Plan new deliveries' runs (when due), record what finished and claim runs for the free
   * slots. Returns whether there may be more to do at once. Planning runs beside the turn
   * (their rows do not overlap: planning writes deliveries not planned yet and their new runs,
   * the turn runs of planned ones), so an iteration costs the event loop the round trips of one
   * of them, not of both. On PostgreSQL each has its own pooled connection; on SQLite their reads
   * share the write lock and their scripts take it in turn (StoreWriteLock).
   */
  private async iterate(concurrency: number): Promise<boolean> {
    // Settled, never rejected: a planning that failed during the wait below (the database
    // refusing connections) would otherwise be an unhandled rejection, which ends the process.
    // Its error is thrown after the turn.
    const planning = settled(this.planningDue ? this.planBatch() : Promise.resolve(0));
    // Before counting the held runs, on purpose: the runs the last turn claimed finish during
    // this wait, and counting them as held would halve what this turn claims. Fast handlers
    // finish within the current turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    const room = Math.max(0, concurrency + this.claimAhead.allowance() - this.held);
    // Signals until the claim is sent are answered by it; a later one asks for another.
    const capacity = this.claimDue && !this.stopping ? room : 0;
    if (capacity > 0) this.claimDue = false;
    // Newly held back by a planning holding the room (see claimStarved).
    const starved = this.claimDue && !this.stopping && this.planningRoom > 0;
    const claimed = await settled(this.turn(capacity));
    const planned = await planning;
    // A full claim may have left more (what planning did not lease, it marks due itself).
    if (claimed.status === 'fulfilled' && capacity > 0 && claimed.value === capacity)
      this.claimDue = true;
    // Until a turn is offered room: the runs the planning leased may fill the slots first.
    this.claimStarved =
      this.claimDue && !this.stopping && (starved || (this.claimStarved && capacity === 0));
    if (claimed.status === 'rejected') {
      if (planned.status === 'rejected')
        this.logger.error(`Dispatch planning: ${(planned.reason as Error).message}`);
      throw claimed.reason;
    }
    if (planned.status === 'rejected') throw planned.reason;
    return (
      planned.value > 0 ||
      this.finished.length > 0 ||
      (starved && this.claimDue) ||
      (capacity > 0 && claimed.value === capacity)
    );
  }

  /**
   * Plan up to PLAN_BATCH deliveries; a full batch means more may wait. Where the store leases
   * while planning (PostgreSQL), the room free now is offered to the planning (see
   * RunStore.planPending) and reserved meanwhile, as the inbox's arrivals reserve theirs, so the
   * turn beside it claims only beyond it; the runs it leased start as its transaction commits.
   * Returns how many deliveries it planned.
   */
  private async planBatch(): Promise<number> {
    const { concurrency } = this.config.dispatch;
    const leasing = this.runs.leasesWhilePlanning && !this.stopping && this.planningBacklog;
    const room =
      leasing && !this.claimStarved
        ? Math.max(0, concurrency + this.claimAhead.allowance() - this.held)
        : 0;
    // Where planning leases, a full worker leaves new deliveries unplanned until it has room:
    // planned now, their runs would wait to be claimed, each updated once more with its delivery.
    // Still due: the runs finishing meanwhile wake the loop for it.
    if (leasing && room === 0) return 0;
    this.planningRoom = room;
    let planning: Planning;
    try {
      planning = await this.runs.planPending(
        PLAN_BATCH,
        (d) => this.handlers.matching(d).map((h) => h.name),
        // Signals until the read is sent are answered by it (on SQLite, those of the inbox
        // commits planning waited behind); a later one asks for another planning.
        () => (this.planningDue = false),
        { owner: this.owner, leaseMs: this.leaseMs, room },
      );
    } finally {
      this.planningRoom = 0;
    }
    if (planning.full) this.planningDue = true;
    this.planningBacklog = planning.planned > 0;
    // What was planned and not leased waits to be claimed.
    if (planning.waiting > 0) this.claimDue = true;
    if (planning.leased.length > 0) {
      this.waiting.add(planning.leased, performance.now());
      this.startWaiting();
    }
    return planning.planned;
  }

  /**
   * Record what finished and claim up to `capacity` runs, in one transaction; start as many of
   * the claimed runs as there are free slots, the rest wait for one. Returns how many runs were
   * claimed.
   */
  private async turn(capacity: number): Promise<number> {
    const stale = this.waiting.takeStale();
    await this.release(stale);
    // Given back to the store: claim them again when there is room.
    if (stale.length > 0) this.claimDue = true;
    const recording = this.finished;
    this.finished = [];
    if (recording.length === 0 && capacity <= 0) return 0;
    let claimed: ClaimedRun[];
    this.recording = recording.length;
    try {
      claimed = await this.runs.recordAndClaim(
        recording.map((pending) => pending.outcome),
        capacity,
        this.owner,
        this.leaseMs,
      );
      this.storeFailures = 0;
    } catch (error) {
      this.storeFailures += 1;
      this.keepForRetry(recording, error as Error);
      throw error;
    } finally {
      this.recording = 0;
    }
    this.waiting.add(claimed, performance.now());
    this.startWaiting();
    return claimed.length;
  }

  /** Fill the free slots with waiting runs (not once shutdown began: those are released). */
  private startWaiting(): void {
    while (!this.stopping && this.inFlight.size < this.config.dispatch.concurrency) {
      const work = this.waiting.next(performance.now());
      if (!work) return;
      this.start(work);
    }
  }

  /**
   * The store refused a turn: try its outcomes again next turn, a few times, then leave those
   * runs to their lease (they run again when it expires).
   */
  private keepForRetry(recording: PendingOutcome[], error: Error): void {
    for (const pending of recording) {
      pending.failures += 1;
      if (pending.failures < RECORD_ATTEMPTS) {
        this.finished.push(pending);
      } else {
        this.logger.error(
          `Could not record run ${pending.outcome.runId}: ${error.message}; it runs again when its lease expires`,
        );
      }
    }
  }

  /** At shutdown: write the outcomes still waiting, retrying like the loop does. */
  private async recordFinished(): Promise<void> {
    while (this.finished.length > 0) {
      try {
        await this.turn(0);
      } catch (error) {
        this.logger.error(`Dispatch shutdown: ${(error as Error).message}`);
        await delay(STORE_BACKOFF_MS * 2 ** Math.min(this.storeFailures, RECORD_ATTEMPTS));
      }
    }
  }

  /** Sleep until poked or `ms` passed; resolves true when the time ran out. */
  private sleep(ms: number): Promise<boolean> {
    if (this.poked || this.stopping) {
      this.poked = false;
      return Promise.resolve(false);
    }
    return new Promise<boolean>((resolve) => {
      const done = (timedOut: boolean) => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.poked = false;
        resolve(timedOut);
      };
      const timer = setTimeout(() => done(true), ms);
      this.wakeUp = () => done(false);
    });
  }

  private start(work: ClaimedRun): void {
    const controller = new AbortController();
    const execution = this.execute(work, controller)
      .then(
        (outcome) => void this.finished.push({ outcome, failures: 0 }),
        (error: Error) =>
          this.logger.error(
            `Run ${work.run.id} failed outside its handler: ${error.message}; it runs again when its lease expires`,
          ),
      )
      .finally(() => {
        this.inFlight.delete(work.run.id);
        this.startWaiting();
        this.poke();
      });
    this.inFlight.set(work.run.id, { execution, controller });
  }

  private async execute(
    { run, delivery }: ClaimedRun,
    controller: AbortController,
  ): Promise<RunOutcome> {
    const base = { runId: run.id, deliveryId: run.deliveryId, attempt: run.attempts };
    const { retry, timeoutMs } = this.config.dispatch;
    const handler = this.handlers.get(run.handler);
    const started = performance.now();
    // One measurement of the run for its metric and for the pace that sets the claim-ahead.
    const timed = (status: 'succeeded' | 'failed' | 'dead') => {
      const ms = performance.now() - started;
      this.claimAhead.record(ms, delivery.rawBody?.length ?? 0);
      this.metrics.run(run.handler, status, ms / 1000);
    };
    try {
      if (!handler)
        throw new Error(`No handler named "${run.handler}" is registered in this process.`);
      const receiver = this.endpoints.receiver(delivery.provider);
      await runWithDeadline(
        (signal) => handler.invoke(buildWebhookEvent(delivery, receiver, run.attempts, signal)),
        timeoutMs,
        `${run.handler} timed out after ${timeoutMs} ms`,
        controller,
      );
      timed('succeeded');
      return { ...base, status: 'succeeded' };
    } catch (error) {
      const outcome = failureOutcome(base, error, retry, this.clock.now());
      timed(outcome.status === 'dead' ? 'dead' : 'failed');
      const next =
        outcome.status === 'dead' ? 'dead' : `retry at ${outcome.nextAttemptAt!.toISOString()}`;
      this.logger.warn(
        {
          deliveryId: delivery.id,
          provider: delivery.provider,
          endpoint: delivery.endpoint,
          handler: run.handler,
          attempt: run.attempts,
          next,
          err: error,
        },
        `Run failed (${next}): ${(error as Error)?.message ?? String(error)}`,
      );
      return outcome;
    }
  }
}

interface InFlightRun {
  execution: Promise<void>;
  /** Aborts the signal the handler got (event.signal). */
  controller: AbortController;
}

interface PendingOutcome {
  outcome: RunOutcome;
  /** Turns that failed to record it. */
  failures: number;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What `promise` came to, as a promise that never rejects. */
const settled = <T>(promise: Promise<T>): Promise<PromiseSettledResult<T>> =>
  promise.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );
