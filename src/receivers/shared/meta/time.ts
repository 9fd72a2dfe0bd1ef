import { isRecord } from './envelope';
import type { MetaEvent } from './events';

/**
 * Meta's times are Unix time, in seconds or in milliseconds depending on the product:
 * Messenger's `entry.time` and `timestamp` are milliseconds
 * (https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messages),
 * Instagram's `entry.time` and WhatsApp's `timestamp` strings are seconds
 * (https://developers.facebook.com/docs/graph-api/webhooks/getting-started/webhooks-for-instagram).
 * Which one a number is follows from its size: 1e11 seconds is the year 5138, 1e11 ms is 1973.
 */
export function metaTime(value: unknown): Date | undefined {
  const n = typeof value === 'string' && /^\d{1,16}$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n <= 0) return undefined;
  return new Date(n >= 1e11 ? n : n * 1000);
}

/**
 * When the batch happened: the earliest entry `time`; for an entry without one (WhatsApp), the
 * earliest time its items carry (`timestamp` of a messaging event, of WhatsApp's `messages[]`
 * and `statuses[]`).
 */
export function metaOccurredAt(events: readonly MetaEvent[]): Date | undefined {
  const times = events.flatMap((event) =>
    event.time !== undefined ? [metaTime(event.time)] : itemTimes(event.item),
  );
  const valid = times.filter((time): time is Date => time !== undefined);
  if (valid.length === 0) return undefined;
  return new Date(Math.min(...valid.map((time) => time.getTime())));
}

function itemTimes(item: Record<string, unknown>): (Date | undefined)[] {
  if (item.timestamp !== undefined) return [metaTime(item.timestamp)];
  const value = item.value;
  if (!isRecord(value)) return [];
  return ['messages', 'statuses'].flatMap((name) =>
    (Array.isArray(value[name]) ? value[name] : [])
      .filter(isRecord)
      .map((entry) => metaTime(entry.timestamp)),
  );
}
