/**
 * The admin API's answers as the dashboard reads them (docs/operations.md, "Admin API").
 * Fields a gateway may not send yet are optional, so the pages degrade instead of breaking.
 */

export type DeliveryStatus = 'pending' | 'processing' | 'succeeded' | 'failed' | 'dead';
export type RunStatus = DeliveryStatus;
export type AttemptOutcome = 'succeeded' | 'failed' | 'dead' | 'timed_out';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'dead',
];

export interface Delivery {
  id: string;
  provider: string;
  endpoint: string;
  type: string;
  providerDeliveryId: string | null;
  status: DeliveryStatus;
  receivedAt: string;
  attempts: number;
}

export interface DeliveryPage {
  items: Delivery[];
  nextCursor: string | null;
}

export interface Attempt {
  attempt: number;
  startedAt: string;
  durationMs: number | null;
  outcome: AttemptOutcome;
  error: string | null;
  stack: string | null;
}

export interface Run {
  handler: string;
  status: RunStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  startedAt?: string | null;
  finishedAt?: string | null;
  durationMs?: number | null;
  lastErrorStack?: string | null;
  attemptLog?: Attempt[];
}

export interface DeliveryDetail extends Delivery {
  occurredAt: string | null;
  payload: unknown;
  headers: Record<string, string>;
  runs: Run[];
}

export interface ReplayAccepted {
  id: string;
  handlers: string[];
}

export interface RetryAccepted {
  id: string;
  handler: string;
}

export interface BulkReplayResult {
  dryRun: boolean;
  matched: number;
  replayed: number;
}

export interface FailureGroup {
  handler: string;
  error: string | null;
  dead: number;
  failing: number;
  oldest: string;
  newest: string;
  sampleDeliveryId: string;
}

export interface SecretUse {
  index: number;
  matches: number;
  lastMatchedAt: string | null;
}

export interface EndpointSummary {
  provider: string;
  id: string;
  path: string;
  publicUrl?: string | null;
  lastDeliveryAt: string | null;
  deliveriesLastHour: number;
  refusals: Record<string, number>;
  secrets: SecretUse[];
}

export type StatsWindow = '1h' | '24h';

export interface StatsBucket {
  at: string;
  /** `accepted`: every delivery received in the bucket; the others by their status now. */
  deliveries: Record<string, number>;
  runs: Record<string, number>;
  ackLatencyP50Ms: number | null;
  ackLatencyP99Ms: number | null;
}

export interface Stats {
  window: StatsWindow;
  bucketSeconds: number;
  buckets: StatsBucket[];
  backlog: { due: number; oldestDueAt: string | null; unplanned?: number; dead?: number };
}

/** `GET /admin/events`: what this process stored or ran (src/store/store-events.ts). */
export interface DeliveryStoredEvent {
  kind: 'delivery.stored';
  id: string;
  provider: string;
  endpoint: string;
  type: string;
  status: string;
  receivedAt: string;
}

export interface RunFinishedEvent {
  kind: 'run.succeeded' | 'run.failed' | 'run.dead';
  deliveryId: string;
  handler: string;
  status: 'succeeded' | 'failed' | 'dead';
  attempt: number;
}

export type LiveEvent = DeliveryStoredEvent | RunFinishedEvent;
