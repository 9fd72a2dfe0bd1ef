import { Inject, Injectable } from '@nestjs/common';
import {
  collectDefaultMetrics,
  Counter,
  Gauge,
  Histogram,
  Registry,
  type MetricValue,
} from 'prom-client';
import { CLOCK, type Clock } from '../config/tokens';
import { StoreEvents } from '../store/store-events';
import { Backlog, BacklogQuery } from './backlog.query';

/** Every outcome a webhook request can have, as the `outcome` label. */
export type DeliveryOutcome =
  | 'accepted'
  | 'duplicate'
  | 'handshake'
  | 'signature'
  | 'stale-timestamp'
  | 'replayed'
  | 'handshake-refused'
  | 'unknown-endpoint'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'too-large'
  | 'malformed'
  | 'store-unavailable'
  | 'upstream-unavailable'
  | 'error';

/** What the dispatch worker holds in this process at one instant. */
export interface DispatchSnapshot {
  running: number;
  waiting: number;
  unrecorded: number;
  claimAheadAllowance: number;
}

/**
 * Hookgate's Prometheus metrics, on a registry of its own (so several apps in one process, as
 * in tests, never collide). Labels are bounded: provider and endpoint come from the config,
 * never from an unknown URL.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  private readonly received = new Counter({
    name: 'hookgate_deliveries_received_total',
    help: 'Webhook requests by provider, endpoint and outcome (accepted, duplicate, or the refusal reason).',
    labelNames: ['provider', 'endpoint', 'outcome'] as const,
    registers: [this.registry],
  });

  /** The acknowledgement latency histogram's upper bounds, in seconds (+Inf beyond). */
  static readonly ACK_BUCKETS = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
  ];

  private readonly ackLatency = new Histogram({
    name: 'hookgate_ack_duration_seconds',
    help: 'Time from request to acknowledgement (verify, store commit, answer) of accepted deliveries.',
    labelNames: ['provider', 'endpoint'] as const,
    buckets: MetricsService.ACK_BUCKETS,
    registers: [this.registry],
  });

  private readonly secretMatches = new Counter({
    name: 'hookgate_secret_matches_total',
    help: 'Verified deliveries by the index of the configured secret that matched: retire an old secret once its index stops moving.',
    labelNames: ['provider', 'endpoint', 'secret_index'] as const,
    registers: [this.registry],
  });

  private readonly runs = new Counter({
    name: 'hookgate_runs_total',
    help: 'Handler run attempts by handler and outcome (succeeded, failed = will retry, dead).',
    labelNames: ['handler', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly runDuration = new Histogram({
    name: 'hookgate_run_duration_seconds',
    help: 'Duration of handler run attempts.',
    labelNames: ['handler'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10, 30, 60],
    registers: [this.registry],
  });

  private readonly forwardPublishes = new Counter({
    name: 'hookgate_forward_publishes_total',
    help:
      'Forward attempts by target (its run name, without credentials) and outcome: acknowledged ' +
      '(a 2xx, or the broker acknowledged it) or failed (the run retries or is dead).',
    labelNames: ['target', 'outcome'] as const,
    registers: [this.registry],
  });

  private readonly inboxCommitDuration = new Histogram({
    name: 'hookgate_inbox_commit_duration_seconds',
    help:
      'Duration of inbox commits (one batch of deliveries, group commit): a slow disk or a ' +
      'checkpoint shows here before it shows in the acknowledgement latency.',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  private readonly inboxCommitRows = new Histogram({
    name: 'hookgate_inbox_commit_deliveries',
    help: 'Deliveries per inbox commit (how many concurrent requests shared one transaction).',
    buckets: [1, 2, 5, 10, 25, 50, 100, 200],
    registers: [this.registry],
  });

  /** When each configured secret last matched, keyed as secretMatchKey (GET /admin/endpoints). */
  private readonly secretLastMatched = new Map<string, Date>();

  constructor(
    backlog: BacklogQuery,
    storeEvents: StoreEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'hookgate_' });
    storeEvents.onInboxCommit((rows, seconds) => {
      this.inboxCommitDuration.observe(seconds);
      this.inboxCommitRows.observe(rows);
    });
    let snapshot: Promise<Backlog> | null = null;
    // One store read per scrape, shared by the backlog gauges.
    const read = () =>
      (snapshot ??= backlog.read().finally(() => setImmediate(() => (snapshot = null))));
    const backlogGauge = (name: string, help: string, value: (b: Backlog) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          this.set(value(await read()));
        },
      });
    backlogGauge(
      'hookgate_runs_due',
      'Runs waiting to execute now (pending or due for retry).',
      (b) => b.due,
    );
    backlogGauge(
      'hookgate_runs_oldest_due_age_seconds',
      'How long the oldest due run has been waiting (0 when none).',
      (b) => b.oldestDueAgeSeconds,
    );
    backlogGauge(
      'hookgate_deliveries_unplanned',
      'Deliveries stored that no worker has created runs for yet.',
      (b) => b.unplanned,
    );
    backlogGauge(
      'hookgate_deliveries_oldest_unplanned_age_seconds',
      'How long ago the oldest unplanned delivery was received (0 when none).',
      (b) => b.oldestUnplannedAgeSeconds,
    );
    backlogGauge(
      'hookgate_runs_dead',
      'Runs that are dead (dead letters awaiting replay or retention).',
      (b) => b.dead,
    );
  }

  delivery(provider: string, endpoint: string, outcome: DeliveryOutcome): void {
    this.received.inc({ provider, endpoint, outcome });
  }

  acknowledged(provider: string, endpoint: string, seconds: number): void {
    this.ackLatency.observe({ provider, endpoint }, seconds);
  }

  secretMatched(provider: string, endpoint: string, index: number): void {
    this.secretMatches.inc({ provider, endpoint, secret_index: String(index) });
    this.secretLastMatched.set(secretMatchKey(provider, endpoint, index), this.clock.now());
  }

  /** This process's webhook request counts since start, by provider, endpoint and outcome. */
  async deliveryCounts(): Promise<MetricValue<'provider' | 'endpoint' | 'outcome'>[]> {
    return (await this.received.get()).values;
  }

  /** This process's verified deliveries since start, by the index of the secret that matched. */
  async secretMatchCounts(): Promise<MetricValue<'provider' | 'endpoint' | 'secret_index'>[]> {
    return (await this.secretMatches.get()).values;
  }

  /** When a configured secret last matched in this process (null: not since start). */
  secretLastMatchedAt(provider: string, endpoint: string, index: number): Date | null {
    return this.secretLastMatched.get(secretMatchKey(provider, endpoint, index)) ?? null;
  }

  /** The acknowledgement latency histogram's series now (buckets by `le`, sums, counts). */
  async ackLatencyValues() {
    return (await this.ackLatency.get()).values;
  }

  /**
   * The dispatch worker's in-process state, read at each scrape (called once by a process that
   * runs the worker; edge-only processes do not export these series).
   */
  watchDispatch(read: () => DispatchSnapshot): void {
    new Gauge({
      name: 'hookgate_dispatch_runs_held',
      help:
        'Runs this process holds a lease on: running (a handler is executing), waiting (claimed ' +
        'ahead, see dispatch.prefetch) or unrecorded (finished, outcome not yet committed). A ' +
        'crash of this process repeats at most the running and unrecorded ones.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const { running, waiting, unrecorded } = read();
        this.set({ state: 'running' }, running);
        this.set({ state: 'waiting' }, waiting);
        this.set({ state: 'unrecorded' }, unrecorded);
      },
    });
    new Gauge({
      name: 'hookgate_dispatch_claim_ahead_allowance',
      help:
        'Runs the worker may claim beyond its free slots right now (at most dispatch.prefetch; ' +
        '0 until a run has been timed, and for handlers too slow to start a claimed run soon).',
      registers: [this.registry],
      collect() {
        this.set(read().claimAheadAllowance);
      },
    });
  }

  /** The broker connections' state, read at each scrape (a process that publishes to brokers). */
  watchBrokers(read: () => readonly { broker: string; status: string }[]): void {
    new Gauge({
      name: 'hookgate_broker_connected',
      help: '1 while the connection to a forward target broker is up, 0 while it reconnects.',
      labelNames: ['broker'] as const,
      registers: [this.registry],
      collect() {
        for (const { broker, status } of read())
          this.set({ broker }, status === 'connected' ? 1 : 0);
      },
    });
  }

  forwardPublished(target: string, outcome: 'acknowledged' | 'failed'): void {
    this.forwardPublishes.inc({ target, outcome });
  }

  run(handler: string, outcome: 'succeeded' | 'failed' | 'dead', seconds: number): void {
    this.runs.inc({ handler, outcome });
    this.runDuration.observe({ handler }, seconds);
  }
}

function secretMatchKey(provider: string, endpoint: string, index: number): string {
  return JSON.stringify([provider, endpoint, index]);
}
