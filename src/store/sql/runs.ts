import { newId } from '../ids';
import type { RunRecord, RunStatus } from '../model';
import { RUN_COLUMN_NAMES } from './columns';
import { storedDate } from './stored-date';

/* A run as a record: new, leased, reset, and read back from a raw statement's row. */

/**
 * A new run (see newRun) leased to `lease.owner` until `lease.expiresAt` at its first attempt:
 * how the inbox stores runs on arrival and how planning writes those it leases.
 */
export function newLeasedRun(
  deliveryId: string,
  handler: string,
  now: Date,
  lease: { owner: string; expiresAt: Date },
  id = newId(),
): RunRecord {
  return {
    ...newRun(deliveryId, handler, now, id),
    status: 'processing',
    attempts: 1,
    leaseOwner: lease.owner,
    leaseExpiresAt: lease.expiresAt,
  };
}

/** A new run of `handler` on a delivery, due `now`, not leased. */
export function newRun(deliveryId: string, handler: string, now: Date, id = newId()): RunRecord {
  return {
    id,
    deliveryId,
    handler,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  };
}

export function resetFields(now: Date): Partial<RunRecord> {
  return {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    leaseOwner: null,
    leaseExpiresAt: null,
    finishedAt: null,
    updatedAt: now,
  };
}

/** RUN_COLUMN_NAMES quoted, for a statement's column list. */
export const RUN_COLUMNS = RUN_COLUMN_NAMES.map((column) => `"${column}"`).join(', ');

export interface RunRow {
  id: string;
  delivery_id: string;
  handler: string;
  status: RunStatus;
  attempts: number;
  next_attempt_at: Date | string;
  lease_owner: string | null;
  lease_expires_at: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

export function runFromRow(row: RunRow): RunRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    handler: row.handler,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: storedDate(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at === null ? null : storedDate(row.lease_expires_at),
    lastError: row.last_error,
    createdAt: storedDate(row.created_at),
    updatedAt: storedDate(row.updated_at),
    finishedAt: row.finished_at === null ? null : storedDate(row.finished_at),
  };
}
