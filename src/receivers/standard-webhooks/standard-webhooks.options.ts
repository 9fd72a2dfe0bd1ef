import { parseToleranceSeconds } from '../shared/options';

/** Options of receivers whose only setting is the signed-timestamp window. */
export interface TimestampWindowOptions {
  /** Largest accepted distance between the signed timestamp and now, both ways; 0 turns it off. */
  readonly toleranceSeconds: number;
}

/** Validate `{ toleranceSeconds? }` at start-up; any other option name is a typo, so refuse it. */
export function parseTimestampWindowOptions(
  options: Record<string, unknown> | undefined,
): TimestampWindowOptions {
  const { toleranceSeconds, ...others } = options ?? {};
  const unknown = Object.keys(others);
  if (unknown.length > 0) {
    throw new Error(
      `options.${unknown[0]} is not a known option; the only option here is toleranceSeconds.`,
    );
  }
  return { toleranceSeconds: parseToleranceSeconds(toleranceSeconds) };
}
