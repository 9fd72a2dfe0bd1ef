import type { Logger } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import type { DispatchConfig } from '../../config/config.schema';
import type { Clock } from '../../config/tokens';
import { logWithFields } from '../../observability/field-log';
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
  logger: Pick<Logger, 'warn' | 'error'> & { readonly localInstance?: unknown };
  config: Pick<DispatchConfig, 'retry' | 'timeoutMs'>;
  /** Live events (`GET /admin/events`); absent in unit tests. */
  events?: Pick<StoreEvents, 'watched' | 'notifyLive'>;
}

/**
 * A reply run's attempt (dispatch/reply/): the handler is told it is replying, has `timeoutMs`
 * (what is left of the endpoint's `deadlineMs`) instead of the dispatch timeout, and its return
 * value goes to `accept`, which may throw to fail the attempt (a value the provider cannot read).
 */
export interface ReplyAttempt {
  timeoutMs: number;
  deadlineMs: number;
  accept(value: unknown): void;
}

/**
 * One attempt of one run: its handler called within the dispatch timeout, and what came of it.
 * A failure becomes a retry or a dead run (see failureOutcome) and is logged with its delivery;
 * only the outcome is returned, to be recorded by a turn (or, for a reply, by the edge).
 */
export async function executeRun(
  { run, delivery }: ClaimedRun,
  controller: AbortController,
  deps: RunExecutionDeps,
  reply?: ReplyAttempt,
): Promise<RunOutcome> {
  const base = { runId: run.id, deliveryId: run.deliveryId, attempt: run.attempts };
  const { retry } = deps.config;
  const timeoutMs = reply?.timeoutMs ?? deps.config.timeoutMs;
  const late = reply
    ? `${run.handler} did not reply within ${reply.deadlineMs} ms of the request's arrival`
    : `${run.handler} timed out after ${timeoutMs} ms`;
  const handler = deps.handlers.get(run.handler, delivery.provider);
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
    const value = await runWithDeadline(
      (signal) =>
        handler.invoke(buildWebhookEvent(delivery, receiver, run.attempts, signal, !!reply)),
      timeoutMs,
      late,
      controller,
    );
    reply?.accept(value);
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
    const dead = outcome.status === 'dead';
    const next = dead ? 'dead' : `retry at ${outcome.nextAttemptAt!.toISOString()}`;
    const reason = (error as Error)?.message ?? String(error);
    const fields = {
      deliveryId: delivery.id,
      provider: delivery.provider,
      endpoint: delivery.endpoint,
      handler: run.handler,
      attempt: run.attempts,
      next,
      err: error,
    };
    // A dead run needs someone (a replay, a fix): error, with what to look at in the message.
    if (dead) {
      const message = `Run dead: ${run.handler} gave up on delivery ${delivery.id} after attempt ${run.attempts}: ${reason}`;
      logWithFields(deps.logger, 'error', fields, message);
    } else {
      logWithFields(deps.logger, 'warn', fields, `Run failed (${next}): ${reason}`);
    }
    return outcome;
  }
}
