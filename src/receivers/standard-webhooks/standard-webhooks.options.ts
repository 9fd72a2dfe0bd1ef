import { DEFAULT_TOLERANCE_SECONDS } from '../shared/timestamp-window';

/** Options of receivers whose only setting is the signed-timestamp window. */
export interface TimestampWindowOptions {
  /** Largest accepted distance between the signed timestamp and now, both ways; 0 turns it off. */
  readonly toleranceSeconds: number;
}

/** Validate `{ toleranceSeconds? }` at start-up; any other option name is a typo, so refuse it. */
export function parseTimestampWindowOptions(
  options: Record<string, unknown> | undefined,
): TimestampWindowOptions {
  const { toleranceSeconds = DEFAULT_TOLERANCE_SECONDS, ...others } = options ?? {};
  const unknown = Object.keys(others);
  if (unknown.length > 0) {
    throw new Error(
      `options.${unknown[0]} is not a known option; the only option here is toleranceSeconds.`,
    );
  }
  if (
    typeof toleranceSeconds !== 'number' ||
    !Number.isInteger(toleranceSeconds) ||
    toleranceSeconds < 0
  ) {
    throw new Error(
      `options.toleranceSeconds must be a whole number of seconds >= 0 (default ${DEFAULT_TOLERANCE_SECONDS}; 0 turns the timestamp check off).`,
    );
  }
  return { toleranceSeconds };
}
