import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { HookgateConfig } from '../../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../../config/tokens';
import { logWithFields } from '../../observability/field-log';
import { MetricsService } from '../../observability/metrics.service';
import { EndpointRegistry } from '../../pipeline/endpoint.registry';
import type { ArrivalDispatch, ArrivalLease, InboxRow } from '../../store/inbox/arrival-plan';
import { InboxWriter } from '../../store/inbox/inbox.writer';
import { StoreEvents } from '../../store/store-events';
import { arrivalClaims } from '../arrival-claims';
import { HandlerRegistry } from '../handler.registry';
import { RunQueue } from '../../store/run-queue';
import { WorkerSlots } from './capacity';
import { DueWork } from './due-work';
import { newLeaseOwner } from './lease-owner';
import { OutcomeBuffer } from './outcome-buffer';
import { RunStarter } from './run-starter';
import { delay, settled } from './settled';
import { Wakeup } from './wakeup';
import { WorkerStore } from './worker-store';

/** Extra lease beyond the handler timeout, so a run that times out is recorded before it expires. */
const LEASE_MARGIN_MS = 30_000;
/** Readiness calls the loop stalled after this long without an iteration (or ten polls). */
const STALLED_AFTER_MS = 30_000;

/**
 * Claims due runs and executes them, at most `dispatch.concurrency` at a time. Woken at once
 * when the inbox commits new deliveries or a run finishes; polls as a fallback (due retries,
 * work written by other processes).
 *
 * Each iteration of the loop starts a planning when one is due and, beside it, a turn: one
 * transaction that records the outcomes of the runs finished since the last turn and, when runs
 * may be waiting unclaimed, claims some for the room they free. When handlers are fast it also
 * claims ahead (see ClaimAhead); those runs wait here and start the moment a handler finishes.
 * A claimed run holds its lease until its outcome is committed, so a crash repeats the runs it
 * held (at most twice `concurrency + prefetch`, see WorkerSlots.reserve).
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
  readonly owner = newLeaseOwner();
  private readonly slots: WorkerSlots;
  private readonly due: DueWork;
  private readonly outcomes = new OutcomeBuffer();
  private readonly wakeup = new Wakeup();
  private readonly store: WorkerStore;
  private readonly starter: RunStarter;
  private loop: Promise<void> | null = null;
  /** When the loop last began an iteration (for readiness). */
  private lastIterationAt = 0;
  private stopping = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    runs: RunQueue,
    private readonly handlers: HandlerRegistry,
    endpoints: EndpointRegistry,
    private readonly events: StoreEvents,
    private readonly inbox: InboxWriter,
    private readonly metrics: MetricsService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    const dispatch = config.dispatch;
    this.slots = new WorkerSlots(dispatch, this.leaseMs, dispatch.timeoutMs);
    this.due = new DueWork(dispatch.pollIntervalMs);
    const { slots, due, outcomes, logger, owner } = this;
    const shared = { slots, outcomes, logger, stopping: () => this.stopping };
    const { claimAhead } = slots;
    const execution = {
      handlers,
      endpoints,
      metrics,
      clock,
      claimAhead,
      logger,
      events,
      config: dispatch,
    };
    this.starter = new RunStarter({ ...shared, execution, poke: () => this.poke() });
    this.store = new WorkerStore({
      ...shared,
      runs,
      handlers,
      due,
      owner,
      leaseMs: () => this.leaseMs,
      startWaiting: () => this.starter.startWaiting(),
    });
  }

  private get leaseMs(): number {
    return this.config.dispatch.leaseMs ?? this.config.dispatch.timeoutMs + LEASE_MARGIN_MS;
  }

  onApplicationBootstrap(): void {
    if (!this.config.dispatch.enabled) return;
    this.inbox.dispatchOnArrival(this);
    this.unsubscribe = this.events.onStored((_count, _origin, work) => {
      if (this.due.stored(work)) this.poke();
    });
    this.metrics.watchDispatch(() => ({
      running: this.slots.inFlight.size,
      waiting: this.slots.waiting.size + this.slots.reserved,
      unrecorded: this.outcomes.unrecorded,
      claimAheadAllowance: this.slots.claimAhead.allowance(),
    }));
    this.loop = this.runLoop();
  }

  /**
   * For readiness: 'disabled' when this process runs no worker, otherwise whether the loop
   * began an iteration recently (a stuck loop stops iterating).
   */
  health(): { state: 'disabled' | 'running' | 'stalled' | 'stopped'; lastTickAgoMs?: number } {
    if (!this.config.dispatch.enabled) return { state: 'disabled' };
    if (!this.loop || this.stopping) return { state: 'stopped' };
    const lastTickAgoMs = Date.now() - this.lastIterationAt;
    const limit = Math.max(STALLED_AFTER_MS, this.config.dispatch.pollIntervalMs * 10);
    return { state: lastTickAgoMs <= limit ? 'running' : 'stalled', lastTickAgoMs };
  }

  handlersFor(delivery: Pick<InboxRow, 'provider' | 'endpoint' | 'type'>): string[] {
    return this.handlers.matching(delivery).map((handler) => handler.name);
  }

  /** Room for `runs` runs the inbox stores leased on arrival (see WorkerSlots.reserve). */
  reserve(runs: number): ArrivalLease | null {
    const stopping = this.stopping || !this.loop;
    if (this.slots.reserve(runs, stopping, this.outcomes.unrecorded) !== null) return null;
    const expiresAt = new Date(this.clock.now().getTime() + this.leaseMs);
    return { owner: this.owner, expiresAt, leasedAt: performance.now() };
  }

  settle(reserved: number, leased: readonly InboxRow[]): void {
    this.slots.reserved -= reserved;
    if (leased.length === 0) return;
    // Their wait to start counts from when the lease began, as a claimed run's does.
    for (const row of leased) this.slots.waiting.add(arrivalClaims(row), row.lease!.leasedAt);
    // After the batch's requests are answered: handlers may take a while to call.
    setImmediate(() => this.starter.startWaiting());
  }

  /** Work is (probably) waiting: skip the rest of the current sleep. */
  poke(): void {
    this.wakeup.poke();
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
    const notStarted = this.slots.waiting.takeAll();
    const grace = this.config.dispatch.shutdownGraceMs;
    let timer: NodeJS.Timeout | undefined;
    const inFlight = this.slots.inFlight;
    const running = inFlight.size;
    await Promise.race([
      Promise.allSettled([...inFlight.values()].map((run) => run.execution)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, grace))),
    ]);
    clearTimeout(timer);
    const unfinished = [...inFlight.keys()];
    await this.store.recordAll();
    // Handlers that honour event.signal stop now, before another process runs them again.
    for (const run of inFlight.values())
      run.controller.abort(new Error('The gateway shut down before the run finished.'));
    await this.store.release([...unfinished, ...notStarted]);
    const drained = running - unfinished.length;
    logWithFields(
      this.logger,
      'log',
      { drained, stillRunning: unfinished.length, notStarted: notStarted.length, graceMs: grace },
      `Dispatch stopped: ${drained} running run(s) finished; given back ${unfinished.length} ` +
        `still running after ${grace} ms and ${notStarted.length} not started, for another worker`,
    );
  }

  /** Plan, record and claim, then sleep unless there is more to do at once or a poke came. */
  private async runLoop(): Promise<void> {
    while (!this.stopping) {
      this.lastIterationAt = Date.now();
      this.due.poll(this.lastIterationAt);
      let busy = false;
      try {
        busy = await this.iterate();
      } catch (error) {
        this.due.failed();
        this.logger.error(`Dispatch loop: ${(error as Error).message}`);
        await delay(this.outcomes.backoffMs);
      }
      if (!busy && !this.stopping) {
        await this.wakeup.sleep(this.due.msToNextPoll(Date.now()), this.stopping);
      }
    }
  }

  /**
   * A planning (when due) beside a turn; returns whether there may be more to do at once. They
   * write different rows (planning: deliveries without runs and their new runs; the turn: runs
   * already planned), so an iteration costs the round trips of one of them, not of both. How they
   * share the store's connections is the store's business (StoreWriteLock).
   */
  private async iterate(): Promise<boolean> {
    // Settled, never rejected: a planning that fails during the wait below would otherwise be an
    // unhandled rejection, which ends the process. Its error is thrown after the turn.
    const planning = settled(this.due.planningDue ? this.store.plan() : Promise.resolve(0));
    // Before counting the held runs: the runs the last turn claimed finish during this wait when
    // handlers are fast, and counting them as held would leave this turn claiming too few.
    await new Promise((resolve) => setImmediate(resolve));
    const offer = this.due.claimFor(this.slots.room(), this.stopping, this.slots.planningRoom);
    const claimed = await settled(this.store.turn(offer.capacity));
    const planned = await planning;
    const claimedRuns = claimed.status === 'fulfilled' ? claimed.value : null;
    this.due.turnDone(offer, claimedRuns, this.stopping);
    if (claimed.status === 'rejected') {
      if (planned.status === 'rejected')
        this.logger.error(`Dispatch planning: ${(planned.reason as Error).message}`);
      throw claimed.reason;
    }
    if (planned.status === 'rejected') throw planned.reason;
    return this.due.busy(offer, claimed.value, planned.value, this.outcomes.waiting);
  }
}
