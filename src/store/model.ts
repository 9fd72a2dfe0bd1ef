/**
 * The records the store reads and writes, shared by every part of the app that talks to it.
 * The store's ports (RunQueue, InboxWriter, DeliveryQueries, StoreMaintenance) take and return
 * these; no engine detail leaks through them.
 */

export type DeliveryStatus = 'pending' | 'processing' | 'succeeded' | 'failed' | 'dead';
export type RunStatus = 'pending' | 'processing' | 'succeeded' | 'failed' | 'dead';

/**
 * One accepted delivery: the raw request and its envelope fields, as the inbox writes it and the
 * worker reads it. The raw body lives in a table of its own (see DeliveryRow).
 */
export interface DeliveryRecord {
  id: string;
  provider: string;
  endpoint: string;
  type: string;
  providerDeliveryId: string | null;
  occurredAt: Date | null;
  receivedAt: Date;
  contentType: string | null;
  headers: Record<string, string>;
  rawBody: Buffer | null;
  status: DeliveryStatus;
  /** Highest attempt count among its runs. */
  attempts: number;
  /** Runs have been created for the handlers that match (done by the worker, not the edge). */
  planned: boolean;
}

/**
 * A row of `deliveries`: everything but the raw body, which `delivery_bodies` holds. The worker
 * updates a delivery's status twice per run; a row that carried the body would be rewritten
 * whole each time (docs/adr/0020-raw-bodies-in-their-own-table.md).
 */
export type DeliveryRow = Omit<DeliveryRecord, 'rawBody'>;

/** A row of `delivery_bodies`: a delivery's raw bytes (none once retention dropped them). */
export interface DeliveryBodyRecord {
  deliveryId: string;
  rawBody: Buffer;
}

/** One handler (or forward target) working on one delivery. */
export interface RunRecord {
  id: string;
  deliveryId: string;
  handler: string;
  status: RunStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** The result of one attempt, written back by the worker. */
export interface RunOutcome {
  runId: string;
  deliveryId: string;
  /** The attempt this outcome belongs to: a stale outcome (lease lost) is ignored. */
  attempt: number;
  status: Extract<RunStatus, 'succeeded' | 'failed' | 'dead'>;
  nextAttemptAt?: Date;
  error?: string;
  /** What the attempt log keeps of this attempt, written with the outcome. */
  logEntry: AttemptLogEntry;
}

/**
 * How one attempt ended, as the attempt log records it: the run's outcome, or `timed_out` when
 * the handler outlived `dispatch.timeoutMs` (the run is then failed or dead, as for any error).
 */
export type AttemptOutcome = 'succeeded' | 'failed' | 'dead' | 'timed_out';

export const ATTEMPT_OUTCOMES: readonly AttemptOutcome[] = [
  'succeeded',
  'failed',
  'dead',
  'timed_out',
];

/** One attempt as the executor saw it (see RunOutcome.logEntry). */
export interface AttemptLogEntry {
  startedAt: Date;
  durationMs: number;
  outcome: AttemptOutcome;
  /** The error's name and message, bounded; null when the attempt succeeded. */
  error: string | null;
  /** The error's stack, bounded; null when it has none. */
  stack: string | null;
}

/** A row of the attempt log (`run_attempts`): one attempt of one run, kept across replays. */
export interface AttemptRecord extends AttemptLogEntry {
  runId: string;
  deliveryId: string;
  handler: string;
  attempt: number;
}

/**
 * A reply handler's answer as it was sent (docs/handlers.md#replying-to-the-provider), kept so
 * that a provider's retry of the delivery gets it again. Header names are lower-case.
 */
export interface StoredReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A run leased to a worker, with its delivery: the worker's to execute. */
export interface ClaimedRun {
  run: RunRecord;
  delivery: DeliveryRecord;
}

/** What planning needs of a delivery: which handlers match it. */
export type PlanningDelivery = Pick<DeliveryRecord, 'id' | 'provider' | 'endpoint' | 'type'>;

/** Room the worker offers a planning for runs leased to it at once (see RunQueue.planPending). */
export interface PlanningLease {
  owner: string;
  leaseMs: number;
  /** Runs it can take. */
  room: number;
}

/** What a planning did. */
export interface Planning {
  /** Deliveries planned. */
  planned: number;
  /** As many deliveries were found as were asked for: more may wait. */
  full: boolean;
  /** Deliveries planned whose runs were not leased: they wait to be claimed. */
  waiting: number;
  /** Runs planned leased to the worker, with their deliveries: the worker's to start. */
  leased: ClaimedRun[];
}
