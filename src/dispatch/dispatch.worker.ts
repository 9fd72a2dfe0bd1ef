import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { HookgateConfig } from '../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../config/tokens';
import { MetricsService } from '../observability/metrics.service';
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { GroupCommit } from '../store/group-commit';
import { StoreEvents } from '../store/store-events';
import { buildWebhookEvent } from './event-builder';
import { HandlerRegistry } from './handler.registry';
import { failureOutcome } from './run-outcome';
import { ClaimedRun, RunOutcome, RunStore } from './run.store';

const PLAN_BATCH = 200;
/** Tries to write one run's outcome before leaving it to lease expiry. */
const RECORD_ATTEMPTS = 4;
/** Extra lease beyond the handler timeout, so a run that times out is recorded before it expires. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Claims due runs and executes them, at most `dispatch.concurrency` at a time. Woken at once
 * when the inbox commits new deliveries or a run finishes; polls as a fallback (due retries,
 * work written by other processes). Outcomes are written with group commit.
 */
@Injectable()
export class DispatchWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Dispatch');
  /** Identifies this process's leases. */
  readonly owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly outcomes = new GroupCommit<RunOutcome, void>(async (batch) => {
    await this.runs.complete(batch, this.owner);
    return batch.map(() => undefined);
  }, PLAN_BATCH);
  private loop: Promise<void> | null = null;
  /** New deliveries may be waiting for their runs (set by the inbox's signal and by each poll). */
  private planningDue = true;
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
    private readonly metrics: MetricsService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.dispatch.enabled) return;
    this.unsubscribe = this.events.onStored(() => {
      this.planningDue = true;
      this.poke();
    });
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

  /** Work is (probably) waiting: skip the rest of the current sleep. */
  poke(): void {
    this.poked = true;
    this.wakeUp?.();
  }

  /** Stop claiming, let in-flight runs finish up to the grace period, release the rest. */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.loop) return;
    this.stopping = true;
    this.unsubscribe?.();
    this.poke();
    await this.loop;
    const grace = this.config.dispatch.shutdownGraceMs;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled(this.inFlight.values()),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, grace))),
    ]);
    clearTimeout(timer);
    const unfinished = [...this.inFlight.keys()];
    await this.outcomes.flush();
    if (unfinished.length > 0) {
      this.logger.warn(`Releasing ${unfinished.length} run(s) still in flight after ${grace} ms`);
      await this.runs
        .release(unfinished, this.owner)
        .catch((error: Error) => this.logger.error(error.message));
    }
  }

  private async runLoop(): Promise<void> {
    const { concurrency, timeoutMs, pollIntervalMs } = this.config.dispatch;
    const leaseMs = this.config.dispatch.leaseMs ?? timeoutMs + LEASE_MARGIN_MS;
    while (!this.stopping) {
      this.lastTickAt = Date.now();
      let busy = false;
      try {
        let planned = 0;
        if (this.planningDue) {
          planned = await this.runs.planPending(PLAN_BATCH, (d) =>
            this.handlers.matching(d).map((h) => h.name),
          );
          // A full batch means more may wait; otherwise wait for the next signal or poll.
          this.planningDue = planned === PLAN_BATCH;
        }
        const capacity = concurrency - this.inFlight.size;
        const claimed =
          capacity > 0 && !this.stopping
            ? await this.runs.claim(capacity, this.owner, leaseMs)
            : [];
        for (const work of claimed) this.start(work);
        busy = planned > 0 || claimed.length === capacity;
      } catch (error) {
        this.logger.error(`Dispatch loop: ${(error as Error).message}`);
      }
      if (!busy || this.inFlight.size >= concurrency) {
        // A sleep that ran out (no signal) is the poll: look for deliveries other processes stored.
        if (await this.sleep(pollIntervalMs)) this.planningDue = true;
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
    const execution = this.execute(work)
      .then((outcome) => this.record(outcome))
      .catch((error: Error) =>
        this.logger.error(
          `Could not record run ${work.run.id}: ${error.message}; it runs again when its lease expires`,
        ),
      )
      .finally(() => {
        this.inFlight.delete(work.run.id);
        // Claim in batches: wake when half the slots are free, not after every single run.
        if (this.inFlight.size <= Math.floor(this.config.dispatch.concurrency / 2)) this.poke();
      });
    this.inFlight.set(work.run.id, execution);
  }

  /**
   * Write an outcome, retrying a few times over ~7 s: a store hiccup (a killed connection, a
   * failover) must not leave a finished run waiting for its lease to expire and run again.
   */
  private async record(outcome: RunOutcome): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.outcomes.submit(outcome);
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
      }
    }
  }

  private async execute({ run, delivery }: ClaimedRun): Promise<RunOutcome> {
    const base = { runId: run.id, deliveryId: run.deliveryId, attempt: run.attempts };
    const { retry, timeoutMs } = this.config.dispatch;
    const handler = this.handlers.get(run.handler);
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      if (!handler)
        throw new Error(`No handler named "${run.handler}" is registered in this process.`);
      const event = buildWebhookEvent(
        delivery,
        this.endpoints.receiver(delivery.provider),
        run.attempts,
      );
      await withTimeout(
        handler.invoke(event),
        timeoutMs,
        `${run.handler} timed out after ${timeoutMs} ms`,
      );
      this.metrics.run(run.handler, 'succeeded', seconds());
      return { ...base, status: 'succeeded' };
    } catch (error) {
      const outcome = failureOutcome(base, error, retry, this.clock.now());
      this.metrics.run(run.handler, outcome.status === 'dead' ? 'dead' : 'failed', seconds());
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

function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>(
    (_, reject) => (timer = setTimeout(() => reject(new Error(message)), ms)),
  );
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
