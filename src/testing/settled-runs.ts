import type { DeliveryQueries } from '../store/delivery.queries';
import type { DeliveryRecord, RunRecord } from '../store/model';

const FINISHED = new Set(['succeeded', 'failed', 'dead']);
const CHECK_EVERY_MS = 10;

/**
 * Resolve once the worker has planned the delivery and every run has finished an attempt
 * (succeeded, failed awaiting a retry, or dead). The store is read here, so a test does not
 * poll nor spy on handlers.
 */
export async function awaitRunsSettled(
  queries: DeliveryQueries,
  id: string,
  timeoutMs: number,
): Promise<{ delivery: DeliveryRecord; runs: RunRecord[] }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await queries.get(id);
    if (found && found.delivery.planned && found.runs.every(finished)) return found;
    if (Date.now() > deadline) {
      throw new Error(`Delivery ${id}: handler runs did not finish within ${timeoutMs} ms.`);
    }
    await new Promise((resolve) => setTimeout(resolve, CHECK_EVERY_MS));
  }
}

const finished = (run: RunRecord) => FINISHED.has(run.status) && run.attempts > 0;
