import type { PlanningDelivery, PlanningLease, RunRecord } from '../model';
import { CHUNK, runInserts } from './run-statements';
import { newLeasedRun, newRun } from './runs';
import type { Statement, ValuesFactory } from './statement-parameters';

/** The statements of a planning, and what they do (see planRuns). */
export interface RunPlan {
  statements: Statement[];
  /** How many of the statements, the first ones, insert runs. */
  inserts: number;
  /** The runs that go in leased to the worker. */
  leased: RunRecord[];
  /** How many deliveries got runs not leased: they wait to be claimed. */
  waiting: number;
}

/**
 * The runs of `deliveries`, and each marked planned (done, when no handler matches it). With
 * `lease`, the runs of as many deliveries as its room holds go in leased to it, and those
 * deliveries are `processing` at attempt 1, as their runs are. (A run that already existed is
 * not written, yet its delivery is still marked `processing` at attempt 1 here; an unplanned
 * delivery with runs is not known to occur.)
 */
export function planRuns(
  deliveries: readonly PlanningDelivery[],
  handlersFor: (delivery: PlanningDelivery) => string[],
  values: ValuesFactory,
  now: Date,
  lease?: PlanningLease,
): RunPlan {
  const leasedTo = lease && {
    owner: lease.owner,
    expiresAt: new Date(now.getTime() + lease.leaseMs),
  };
  let room = lease?.room ?? 0;
  const runs: RunRecord[] = [];
  const leased: RunRecord[] = [];
  const waiting: string[] = [];
  const started: string[] = [];
  const idle: string[] = [];
  for (const delivery of deliveries) {
    const handlers = handlersFor(delivery);
    if (handlers.length === 0) {
      idle.push(delivery.id);
    } else if (leasedTo && handlers.length <= room) {
      room -= handlers.length;
      const planned = handlers.map((h) => newLeasedRun(delivery.id, h, now, leasedTo));
      leased.push(...planned);
      runs.push(...planned);
      started.push(delivery.id);
    } else {
      runs.push(...handlers.map((handler) => newRun(delivery.id, handler, now)));
      waiting.push(delivery.id);
    }
  }
  const statements = runInserts(values, runs);
  const inserts = statements.length;
  const states = [
    [waiting, ''],
    [started, `, "status" = 'processing', "attempts" = 1`],
    [idle, `, "status" = 'succeeded'`],
  ] as const;
  for (const [ids, state] of states) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const q = values();
      const set = `"planned" = ${q.value(true)}${state}`;
      const sql = `UPDATE "deliveries" SET ${set} WHERE "id" IN (${q.list(ids.slice(i, i + CHUNK))})`;
      statements.push({ sql, params: q.params });
    }
  }
  return { statements, inserts, leased, waiting: waiting.length };
}
