import type { ClaimedRun, DeliveryRecord } from '../model';
import { newId } from '../ids';
import { newLeasedRun } from '../sql/runs';

/**
 * What a process that runs the worker offers its own inbox (see InboxWriter.dispatchOnArrival):
 * which handlers a delivery needs, and room to take its runs at once. The inbox then stores each
 * delivery with its runs in its one statement per batch, leased to this worker when it has room,
 * and hands those over after the commit, instead of the worker planning and claiming them in
 * transactions of their own (docs/adr/0021-runs-leased-on-arrival.md).
 */
export interface ArrivalDispatch {
  /** The names of the handlers `delivery` needs. */
  handlersFor(delivery: Pick<DeliveryRecord, 'provider' | 'endpoint' | 'type'>): readonly string[];
  /**
   * Room for `runs` runs, leased from now: the lease to write, or null (no room, or stopping).
   * The batch holding them settles them once, stored or not.
   */
  reserve(runs: number): ArrivalLease | null;
  /**
   * A batch is done: `reserved` runs it had reserved end their reservation, and `leased`, its
   * stored deliveries whose runs went in leased, are the worker's to start (the others were not
   * stored: duplicates, or the batch failed).
   */
  settle(reserved: number, leased: readonly InboxRow[]): void;
}

export interface ArrivalLease {
  owner: string;
  expiresAt: Date;
  /** When the lease began (performance.now()): the start of the run's wait in the worker. */
  leasedAt: number;
}

/** A run the inbox creates in the statement that stores its delivery. */
export interface ArrivalRun {
  id: string;
  handler: string;
}

/**
 * A delivery's reply run, asked for by the edge that runs it in the request (dispatch/reply/):
 * stored with the delivery, leased to that edge at attempt 1. A delivery with one is planned on
 * arrival in every role, so that no planning meets it later.
 */
export interface ReplyArrival {
  /** The reply handler's name. */
  handler: string;
  /** Every handler the delivery needs, the reply handler among them. */
  handlers: readonly string[];
  lease: { owner: string; expiresAt: Date };
}

/**
 * What the inbox writes for one delivery. `runs` null: not planned here, a worker plans it
 * (the `role: api` process of a scaled-out deployment). `lease`: its runs go in leased to this
 * process's worker (attempt 1, `processing`), otherwise they wait to be claimed.
 */
export interface InboxRow extends DeliveryRecord {
  runs: ArrivalRun[] | null;
  lease: ArrivalLease | null;
  /** The reply run, leased to the edge that asked for it (not handed to the worker). */
  reply?: ArrivalRun & Pick<ReplyArrival, 'lease'>;
}

/**
 * How the inbox stores a new delivery: with `dispatch`, planned as the worker would (one run per
 * matching handler, or done at once when none matches), and leased when the worker has room;
 * without, left to a worker. With `reply`, always planned (see planWithReply).
 */
export function arrivalPlan(
  delivery: Pick<DeliveryRecord, 'provider' | 'endpoint' | 'type'>,
  dispatch: ArrivalDispatch | null,
  reply?: ReplyArrival,
): Pick<InboxRow, 'planned' | 'status' | 'attempts' | 'runs' | 'lease' | 'reply'> {
  if (reply) return planWithReply(reply, dispatch);
  if (!dispatch) return { planned: false, status: 'pending', attempts: 0, runs: null, lease: null };
  const handlers = dispatch.handlersFor(delivery);
  const runs = handlers.map((handler) => ({ id: newId(), handler }));
  if (runs.length === 0)
    return { planned: true, status: 'succeeded', attempts: 0, runs, lease: null };
  const lease = dispatch.reserve(runs.length);
  return lease
    ? { planned: true, status: 'processing', attempts: 1, runs, lease }
    : { planned: true, status: 'pending', attempts: 0, runs, lease: null };
}

/**
 * A delivery with a reply run: processing at attempt 1 from the start (its reply run is), its
 * other runs leased to the worker when there is one with room, waiting otherwise.
 */
function planWithReply(
  reply: ReplyArrival,
  dispatch: ArrivalDispatch | null,
): ReturnType<typeof arrivalPlan> {
  const runs = reply.handlers
    .filter((handler) => handler !== reply.handler)
    .map((handler) => ({ id: newId(), handler }));
  const lease = dispatch && runs.length > 0 ? dispatch.reserve(runs.length) : null;
  const replyRun = { id: newId(), handler: reply.handler, lease: reply.lease };
  return { planned: true, status: 'processing', attempts: 1, runs, lease, reply: replyRun };
}

/**
 * The inbox's `runs` value: `[[run id, handler, lease owner, lease expiry], …]` as JSON (owner
 * and expiry null when not leased; the reply run last, with its own lease), or null when a worker
 * plans the delivery. `date`: the engine's text for a timestamp.
 */
export function arrivalRunsJson(row: InboxRow, date: (value: Date) => string): string | null {
  if (!row.runs) return null;
  const owner = row.lease?.owner ?? null;
  const expiresAt = row.lease ? date(row.lease.expiresAt) : null;
  const runs = row.runs.map((run) => [run.id, run.handler, owner, expiresAt]);
  const { reply } = row;
  if (reply) runs.push([reply.id, reply.handler, reply.lease.owner, date(reply.lease.expiresAt)]);
  return JSON.stringify(runs);
}

/** How many runs `row` reserved. */
export function leasedRuns(row: InboxRow): number {
  return row.lease && row.runs ? row.runs.length : 0;
}

/** A stored row's reply run, as a claim would return it, for the edge that asked for it. */
export function replyClaim(row: InboxRow): ClaimedRun {
  const { id, handler, lease } = row.reply!;
  return { run: newLeasedRun(row.id, handler, row.receivedAt, lease, id), delivery: row };
}
