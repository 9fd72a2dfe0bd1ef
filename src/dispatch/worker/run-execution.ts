import type { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { DispatchConfig } from '../../config/config.schema';
import type { Clock } from '../../config/tokens';
import type { MetricsService } from '../../observability/metrics.service';
import type { EndpointRegistry } from '../../pipeline/endpoint.registry';
import { buildWebhookEvent } from '../event-builder';
import type { HandlerRegistry } from '../handler.registry';
import type { ClaimedRun, RunOutcome } from '../../store/model';
import type { StoreEvents } from '../../store/store-events';
import type { ClaimAhead } from './claim-ahead';
import { DeadlineExceeded, runWithDeadline } from './run-deadline';
import { attemptError, failureOutcome } from './run-outcome';

/** What executing a run needs from the worker. */
export interface RunExecutionDeps {
  handlers: Pick<HandlerRegistry, 'get'>;
  endpoints: Pick<EndpointRegistry, 'receiver'>;
  metrics: Pick<MetricsService, 'run'>;
  clock: Clock;
  claimAhead: Pick<ClaimAhead, 'record'>;
  logger: Pick<Logger, 'warn'>;
  config: Pick<DispatchConfig, 'retry' | 'timeoutMs'>;
  /** Live events (`GET /admin/events`); absent in unit tests. */
  events?: Pick<StoreEvents, 'watched' | 'notifyLive'>;
}

/**
 * One attempt of one run: its handler called within the dispatch timeout, and what came of it.
 * A failure becomes a retry or a dead run (see failureOutcome) and is logged with its delivery;
 * only the outcome is returned, to be recorded by a turn.
 */
export async function executeRun(
  { run, delivery }: ClaimedRun,
  controller: AbortController,
  deps: RunExecutionDeps,
): Promise<RunOutcome> {
  const base = { runId: run.id, deliveryId: run.deliveryId, attempt: run.attempts };
  const { retry, timeoutMs } = deps.config;
  const handler = deps.handlers.get(run.handler);
  const startedAt = deps.clock.now();
  const started = performance.now();
  // One measurement of the run for its metric, the pace that sets the claim-ahead, and the
  // attempt log; returns it in whole milliseconds.
  const timed = (status: 'succeeded' | 'failed' | 'dead'): number => {
    const ms = performance.now() - started;
    deps.claimAhead.record(ms, delivery.rawBody?.length ?? 0);
    deps.metrics.run(run.handler, status, ms / 1000);
    if (deps.events?.watched) {
      deps.events.notifyLive({
        kind: `run.${status}`,
        deliveryId: delivery.id,
        runId: run.id,
        handler: run.handler,
        attempt: run.attempts,
        provider: delivery.provider,
        endpoint: delivery.endpoint,
        type: delivery.type,
        status,
      });
    }
    return Math.round(ms);
  };
  try {
    if (!handler)
      throw new Error(`No handler named "${run.handler}" is registered in this process.`);
    const receiver = deps.endpoints.receiver(delivery.provider);
    await runWithDeadline(
      (signal) => handler.invoke(buildWebhookEvent(delivery, receiver, run.attempts, signal)),
      timeoutMs,
      `${run.handler} timed out after ${timeoutMs} ms`,
      controller,
    );
    const durationMs = timed('succeeded');
    const succeeded: RunOutcome = {
      ...base,
      status: 'succeeded',
      logEntry: { startedAt, durationMs, outcome: 'succeeded', error: null, stack: null },
    };
    return succeeded;
  } catch (error) {
    const decision = failureOutcome(base, error, retry, deps.clock.now());
    const durationMs = timed(decision.status === 'dead' ? 'dead' : 'failed');
    const outcome: RunOutcome = {
      ...decision,
      logEntry: {
        startedAt,
        durationMs,
        outcome: error instanceof DeadlineExceeded ? 'timed_out' : decision.status,
        ...attemptError(error),
      },
    };
    const next =
      outcome.status === 'dead' ? 'dead' : `retry at ${outcome.nextAttemptAt!.toISOString()}`;
    deps.logger.warn(
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
