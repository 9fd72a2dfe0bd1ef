import type { InboxRow } from '../store/inbox/arrival-plan';
import { newLeasedRun } from '../store/sql/runs';
import type { ClaimedRun } from '../store/model';

/**
 * The runs the inbox stored leased to this worker with `row` (see ArrivalDispatch), as a claim
 * would have returned them: the delivery as it was received, each run at its first attempt.
 */
export function arrivalClaims(row: InboxRow): ClaimedRun[] {
  return (row.runs ?? []).map((run) => ({
    run: newLeasedRun(row.id, run.handler, row.receivedAt, row.lease!, run.id),
    delivery: row,
  }));
}
