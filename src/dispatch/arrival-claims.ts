import type { ArrivalRun, InboxRow } from '../store/arrival-plan';
import type { RunRecord } from '../store/entities';
import type { ClaimedRun } from './run.store';

/**
 * The runs the inbox stored leased to this worker with `row` (see ArrivalDispatch), as a claim
 * would have returned them: the delivery as it was received, each run at its first attempt.
 */
export function arrivalClaims(row: InboxRow): ClaimedRun[] {
  return (row.runs ?? []).map((run) => ({ run: leasedRun(row, run), delivery: row }));
}

function leasedRun(row: InboxRow, run: ArrivalRun): RunRecord {
  return {
    id: run.id,
    deliveryId: row.id,
    handler: run.handler,
    status: 'processing',
    attempts: 1,
    nextAttemptAt: row.receivedAt,
    leaseOwner: row.lease!.owner,
    leaseExpiresAt: row.lease!.expiresAt,
    lastError: null,
    createdAt: row.receivedAt,
    updatedAt: row.receivedAt,
    finishedAt: null,
  };
}
