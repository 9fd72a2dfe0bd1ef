import type { DeliveryStatus, RunStatus } from '../store/entities';

/**
 * A delivery's status is derived from its runs, most urgent first: any run in flight →
 * `processing`; any waiting to retry → `failed`; any not started → `pending`; any dead →
 * `dead`; otherwise (all succeeded, or no handler matched) → `succeeded`.
 */
export function deriveDeliveryStatus(runs: readonly RunStatus[]): DeliveryStatus {
  for (const status of ['processing', 'failed', 'pending', 'dead'] as const) {
    if (runs.includes(status)) return status;
  }
  return 'succeeded';
}
