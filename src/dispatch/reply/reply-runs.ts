import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { HookgateConfig } from '../../config/config.schema';
import { CLOCK, HOOKGATE_CONFIG, type Clock } from '../../config/tokens';
import { MetricsService } from '../../observability/metrics.service';
import { EndpointRegistry, type ResolvedEndpoint } from '../../pipeline/endpoint.registry';
import { DeliveryReplies } from '../../store/delivery-replies';
import type { ReplyArrival } from '../../store/inbox/arrival-plan';
import type { ClaimedRun, RunOutcome, StoredReply } from '../../store/model';
import { RunQueue } from '../../store/run-queue';
import { StoreEvents } from '../../store/store-events';
import { HandlerRegistry } from '../handler.registry';
import { newLeaseOwner } from '../worker/lease-owner';
import { executeRun, type RunExecutionDeps } from '../worker/run-execution';
import { formatReply } from './reply-format';

/**
 * A reply run's lease beyond its deadline, for recording its outcome. If the process dies
 * first, a worker takes the run over once the lease expires and runs it as an ordinary run.
 */
export const REPLY_LEASE_MARGIN_MS = 5_000;

/** What one reply attempt came to; no outcome when it failed outside the handler. */
interface ReplyResult {
  outcome?: RunOutcome;
  reply?: StoredReply;
}

/**
 * Reply runs: the first attempt of a reply handler (`@OnWebhook(..., { reply: true })`), run in
 * the request after its delivery committed, with the worker's run executor, within the
 * endpoint's deadline. The answer goes back to the edge at once; the outcome (and the answer, for
 * the provider's retries) is recorded right after, as a turn records a worker's. A failed or
 * late reply run is recorded failed and later attempts are ordinary runs of the worker
 * (docs/handlers.md#replying-to-the-provider).
 */
@Injectable()
export class ReplyRuns implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Replies');
  /** This process's lease owner for reply runs. */
  readonly owner = newLeaseOwner();
  /** Answers being made, by delivery id: a duplicate arriving meanwhile waits for one. */
  private readonly making = new Map<string, Promise<StoredReply | undefined>>();
  /** Outcomes being recorded, awaited at shutdown before the store closes. */
  private readonly recording = new Set<Promise<void>>();
  private readonly execution: RunExecutionDeps;

  constructor(
    private readonly handlers: HandlerRegistry,
    endpoints: EndpointRegistry,
    private readonly runs: RunQueue,
    private readonly replies: DeliveryReplies,
    metrics: MetricsService,
    events: StoreEvents,
    @Inject(HOOKGATE_CONFIG) config: HookgateConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    // A reply run takes no worker slot, so it does not set the worker's claim-ahead pace.
    const claimAhead = { record: () => undefined };
    const { logger } = this;
    const deps = { handlers, endpoints, metrics, clock, claimAhead, logger, events };
    this.execution = { ...deps, config: config.dispatch };
  }

  /**
   * The reply run to store with a delivery of `endpoint` and `type`, or undefined when no reply
   * handler answers it: for a provider no reply handler names, one map lookup.
   */
  arrival(endpoint: ResolvedEndpoint, type: string): ReplyArrival | undefined {
    if (endpoint.replyDeadlineMs === undefined) return undefined;
    const delivery = { provider: endpoint.provider, endpoint: endpoint.id, type };
    const handler = this.handlers.replyHandlerFor(delivery);
    if (!handler) return undefined;
    const leaseMs = endpoint.replyDeadlineMs + REPLY_LEASE_MARGIN_MS;
    return {
      handler: handler.name,
      handlers: this.handlers.matching(delivery).map((matching) => matching.name),
      lease: { owner: this.owner, expiresAt: new Date(this.clock.now().getTime() + leaseMs) },
    };
  }

  /**
   * Run a stored delivery's reply run until `deadline` (a performance.now() time). Resolves with
   * its answer, or undefined when it failed, ran out of time or returned nothing; a result that
   * comes later is dropped. The outcome is recorded afterwards, not waited for.
   */
  run(
    endpoint: ResolvedEndpoint,
    claimed: ClaimedRun,
    deadline: number,
  ): Promise<StoredReply | undefined> {
    const deliveryId = claimed.delivery.id;
    const result = this.attempt(endpoint, claimed, deadline);
    const answer = result.then((made) => made.reply);
    this.making.set(deliveryId, answer);
    const recorded: Promise<void> = result
      .then(({ outcome, reply }) => outcome && this.runs.recordReply(outcome, this.owner, reply))
      .catch((error: Error) =>
        this.logger.error(
          `Could not record reply run ${claimed.run.id}: ${error.message}; it runs again when its lease expires`,
        ),
      )
      .finally(() => {
        this.making.delete(deliveryId);
        this.recording.delete(recorded);
      });
    this.recording.add(recorded);
    return answer;
  }

  /**
   * For a duplicate of delivery `id`: the answer its reply run gave. While this process is still
   * making it, waited for until `deadline`; otherwise as stored. Undefined when there is none
   * (it failed, or it runs in another process).
   */
  async again(id: string, deadline: number): Promise<StoredReply | undefined> {
    const making = this.making.get(id);
    if (making) return beforeDeadline(making, deadline);
    try {
      return await this.replies.find(id);
    } catch (error) {
      this.logger.error(`Could not read the reply of delivery ${id}: ${(error as Error).message}`);
      return undefined;
    }
  }

  /** Outcomes of reply runs still being made or recorded get into the store before it closes. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.recording]);
  }

  private async attempt(
    endpoint: ResolvedEndpoint,
    claimed: ClaimedRun,
    deadline: number,
  ): Promise<ReplyResult> {
    let reply: StoredReply | undefined;
    try {
      const outcome = await executeRun(claimed, new AbortController(), this.execution, {
        timeoutMs: deadline - performance.now(),
        deadlineMs: endpoint.replyDeadlineMs!,
        accept: (value) => (reply = formatReply(endpoint.receiver, value)),
      });
      return { outcome, reply: outcome.status === 'succeeded' ? reply : undefined };
    } catch (error) {
      this.logger.error(
        `Reply run ${claimed.run.id} failed outside its handler: ${(error as Error).message}; it runs again when its lease expires`,
      );
      return {};
    }
  }
}

/** `answer`, or undefined once `deadline` (a performance.now() time) has passed. */
function beforeDeadline<T>(answer: Promise<T>, deadline: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, deadline - performance.now()), undefined);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
