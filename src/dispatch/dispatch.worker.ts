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
import { EndpointRegistry } from '../pipeline/endpoint.registry';
import { GroupCommit } from '../store/group-commit';
import { StoreEvents } from '../store/store-events';
import { buildWebhookEvent } from './event-builder';
import { HandlerRegistry } from './handler.registry';
import { failureOutcome } from './run-outcome';
import { ClaimedRun, RunOutcome, RunStore } from './run.store';

const PLAN_BATCH = 200;
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
  private stopping = false;
  private poked = false;
  private wakeUp: (() => void) | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly runs: RunStore,
    private readonly handlers: HandlerRegistry,
    private readonly endpoints: EndpointRegistry,
    private readonly events: StoreEvents,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.dispatch.enabled) return;
    this.unsubscribe = this.events.onStored(() => this.poke());
    this.loop = this.runLoop();
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
      let busy = false;
      try {
        const planned = await this.runs.planPending(PLAN_BATCH, (d) =>
          this.handlers.matching(d).map((h) => h.name),
        );
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
      if (!busy || this.inFlight.size >= concurrency) await this.sleep(pollIntervalMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.poked || this.stopping) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = null;
        this.poked = false;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }

  private start(work: ClaimedRun): void {
    const execution = this.execute(work)
      .then((outcome) => this.outcomes.submit(outcome))
      .catch((error: Error) =>
        this.logger.error(`Could not record run ${work.run.id}: ${error.message}`),
      )
      .finally(() => {
        this.inFlight.delete(work.run.id);
        this.poke();
      });
    this.inFlight.set(work.run.id, execution);
  }

  private async execute({ run, delivery }: ClaimedRun): Promise<RunOutcome> {
    const base = { runId: run.id, deliveryId: run.deliveryId, attempt: run.attempts };
    const { retry, timeoutMs } = this.config.dispatch;
    const handler = this.handlers.get(run.handler);
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
      return { ...base, status: 'succeeded' };
    } catch (error) {
      const outcome = failureOutcome(base, error, retry, this.clock.now());
      const next =
        outcome.status === 'dead' ? 'dead' : `retry at ${outcome.nextAttemptAt!.toISOString()}`;
      this.logger.warn(
        `Run ${run.handler} for delivery ${delivery.id} attempt ${run.attempts} failed (${next}): ${(error as Error)?.message ?? error}`,
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
