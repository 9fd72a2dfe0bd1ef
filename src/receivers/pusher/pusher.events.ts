import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { NormalizedEvent } from '../receiver';
import { commonType } from '../shared/batch';

/**
 * A Channels webhook is `{ time_ms, events: [{ name, channel, ... }] }`: one event, or several
 * when batch webhooks are on (https://pusher.com/docs/webhooks).
 * - type: the events' `name` when they all share it (`channel_occupied`, `member_added`,
 *   `client_event`, ...), else `mixed`;
 * - occurredAt: `time_ms`, when Pusher made the webhook;
 * - providerDeliveryId: Pusher sends no id, so SHA-256 over `time_ms` and the events, which a
 *   retry of the same webhook repeats.
 */
export function normalizePusherEvent(payload: Record<string, unknown>): NormalizedEvent {
  const { time_ms: timeMs, events } = payload;
  if (typeof timeMs !== 'number' || !Number.isSafeInteger(timeMs) || timeMs < 0) {
    throw new MalformedBodyError('"time_ms" is not a time in milliseconds');
  }
  if (!Array.isArray(events) || events.length === 0) {
    throw new MalformedBodyError('"events" is not a list of events');
  }
  const names = events.map((event: unknown, i) => {
    const name = (event as { name?: unknown } | null)?.name;
    if (typeof name !== 'string' || name === '') {
      throw new MalformedBodyError(`events[${i}] has no "name"`);
    }
    return name;
  });
  const providerDeliveryId = createHash('sha256')
    .update(`${timeMs}`)
    .update(JSON.stringify(events))
    .digest('hex');
  return { type: commonType(names)!, providerDeliveryId, occurredAt: new Date(timeMs) };
}
