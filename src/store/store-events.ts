import { EventEmitter } from 'node:events';

/** Where a "stored" signal came from: this process's own commit, or another process's. */
export type StoredOrigin = 'local' | 'remote';

/**
 * What the stored work waits for: deliveries to plan (and then their runs to claim), runs to
 * claim, or nothing (stored with their runs leased to this process's worker, see
 * ArrivalDispatch).
 */
export type StoredWork = 'plan' | 'claim' | 'none';

/** A delivery this process stored, as live event streams (`GET /admin/events`) show it. */
export interface DeliveryStoredEvent {
  kind: 'delivery.stored';
  id: string;
  provider: string;
  endpoint: string;
  type: string;
  status: string;
  receivedAt: string;
}

/** A run attempt this process's worker finished, with how it ended. */
export interface RunFinishedEvent {
  kind: 'run.succeeded' | 'run.failed' | 'run.dead';
  deliveryId: string;
  runId: string;
  handler: string;
  provider: string;
  endpoint: string;
  type: string;
  status: 'succeeded' | 'failed' | 'dead';
  attempt: number;
}

export type LiveEvent = DeliveryStoredEvent | RunFinishedEvent;

/**
 * In-process signal that new work was committed (deliveries, or runs re-queued by a replay), so
 * workers wake at once instead of waiting for their next poll. On PostgreSQL, PgNotify relays
 * local signals to other processes and remote ones back in. Losing a signal costs latency,
 * never a delivery. Also each inbox commit's size and duration, for the metrics.
 */
export class StoreEvents extends EventEmitter {
  notifyStored(count: number, origin: StoredOrigin = 'local', work: StoredWork = 'plan'): void {
    if (count > 0) this.emit('stored', count, origin, work);
  }

  onStored(listener: (count: number, origin: StoredOrigin, work: StoredWork) => void): () => void {
    this.on('stored', listener);
    return () => this.off('stored', listener);
  }

  /** One inbox batch committed: its rows and how long the insert took (for the metrics). */
  notifyInboxCommit(rows: number, seconds: number): void {
    this.emit('inbox-commit', rows, seconds);
  }

  /** Whether anyone watches live events: without a watcher the hot path builds none. */
  get watched(): boolean {
    return this.listenerCount('live') > 0;
  }

  notifyLive(event: LiveEvent): void {
    this.emit('live', event);
  }

  onLive(listener: (event: LiveEvent) => void): () => void {
    this.on('live', listener);
    return () => this.off('live', listener);
  }

  onInboxCommit(listener: (rows: number, seconds: number) => void): () => void {
    this.on('inbox-commit', listener);
    return () => this.off('inbox-commit', listener);
  }
}
