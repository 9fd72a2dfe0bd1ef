import { parseUnixSeconds } from './timestamp-window';

export type TimestampUnit = 's' | 'ms' | 'iso8601';

/**
 * A signed timestamp as a descriptor reads it (HMAC or public key): the text as sent, which the
 * signed content includes, and the same instant in seconds, which the window is checked on.
 */
export interface SignedTimestamp {
  readonly raw: string;
  readonly seconds: number;
}

/** What a well-formed timestamp of the unit looks like, for "missing or not …" messages. */
export const UNIT_TEXT: Record<TimestampUnit, string> = {
  s: 'a whole number of seconds',
  ms: 'a whole number of milliseconds',
  iso8601: 'an ISO-8601 date and time',
};

/** The timestamp in seconds, or NaN when `raw` is not strictly of the unit. */
export function timestampSeconds(raw: string, unit: TimestampUnit): number {
  if (unit === 's') return parseUnixSeconds(raw);
  if (unit === 'ms') return /^\d{1,15}$/.test(raw) ? Number(raw) / 1000 : NaN;
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
  return iso.test(raw) ? Date.parse(raw) / 1000 : NaN;
}
