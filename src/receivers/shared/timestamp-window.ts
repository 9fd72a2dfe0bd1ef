/**
 * Replay protection for providers that sign a timestamp. The window is checked in both
 * directions (a timestamp from the future is as suspicious as an old one), unlike stripe-node
 * and bolt-js, which only reject old ones. A tolerance of 0 turns the check off.
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export type WindowCheck = { ok: true } | { ok: false; message: string };

export function checkTimestampWindow(
  timestampSeconds: number,
  now: Date,
  toleranceSeconds: number = DEFAULT_TOLERANCE_SECONDS,
): WindowCheck {
  if (!Number.isFinite(timestampSeconds)) {
    return { ok: false, message: 'The signed timestamp is not a number.' };
  }
  if (toleranceSeconds <= 0) return { ok: true };
  const skew = Math.floor(now.getTime() / 1000) - timestampSeconds;
  if (skew > toleranceSeconds) {
    return {
      ok: false,
      message: `The signed timestamp is ${skew}s old; the tolerance is ${toleranceSeconds}s (replayed, or a clock is wrong).`,
    };
  }
  if (-skew > toleranceSeconds) {
    return {
      ok: false,
      message: `The signed timestamp is ${-skew}s in the future; the tolerance is ${toleranceSeconds}s (check the clocks).`,
    };
  }
  return { ok: true };
}

/** Parse a whole number of seconds strictly: `'1531420618'` yes, `'12abc'` or `''` no. */
export function parseUnixSeconds(value: string | undefined): number {
  return value !== undefined && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
}
