import { InboxWriter } from '../../src/store/inbox/inbox.writer';
import { ADMIN_TOKEN, TestApp, waitFor } from './test-app';

/**
 * For tests of the worker's own planning and claiming: from now until the returned function is
 * called, apps started keep their inbox from planning and leasing on arrival, so every delivery
 * is stored unplanned, as a `role: api` process beside a `role: worker` one stores it.
 */
export function planningByWorkersOnly(): () => void {
  const spy = jest.spyOn(InboxWriter.prototype, 'dispatchOnArrival').mockReturnValue(undefined);
  return () => spy.mockRestore();
}

export const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

export interface RunView {
  handler: string;
  status: string;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  /** Every attempt, oldest first (the attempt log). */
  attemptLog: { attempt: number; outcome: string; error: string | null; durationMs: number }[];
}

export async function deliveryDetail(
  t: TestApp,
  id: string,
): Promise<{ status: string; attempts: number; runs: RunView[] }> {
  const res = await t.http().get(`/admin/deliveries/${id}`).set(auth);
  if (res.status !== 200) throw new Error(`GET delivery ${id} -> ${res.status}`);
  return res.body;
}

/** Wait until the delivery's run for `handler` satisfies `predicate`. */
export function waitForRun(
  t: TestApp,
  id: string,
  handler: string,
  predicate: (run: RunView) => boolean,
  what = 'run state',
): Promise<RunView> {
  return waitFor(
    async () => {
      const run = (await deliveryDetail(t, id)).runs.find((r) => r.handler === handler);
      return run && predicate(run) ? run : undefined;
    },
    10_000,
    `${handler} ${what}`,
  ) as Promise<RunView>;
}

export function waitForDeliveryStatus(t: TestApp, id: string, status: string) {
  return waitFor(
    async () => {
      const detail = await deliveryDetail(t, id);
      return detail.status === status ? detail : undefined;
    },
    10_000,
    `delivery ${id} to be ${status}`,
  );
}
