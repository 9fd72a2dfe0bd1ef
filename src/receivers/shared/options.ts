import { DEFAULT_TOLERANCE_SECONDS } from './timestamp-window';

/**
 * Endpoint options are validated at start-up, where an unknown name is almost always a typo:
 * refuse it, naming the options the provider does know (or that it takes none).
 */
export function rejectUnknownOptions(
  options: Record<string, unknown> | undefined,
  provider: string,
  known: readonly string[],
  hint?: string,
): void {
  const unknown = Object.keys(options ?? {}).find((name) => !known.includes(name));
  if (unknown === undefined) return;
  const what = known.length > 0 ? `known: ${known.join(', ')}` : `${provider} takes none`;
  throw new Error(
    `options.${unknown} is not a ${provider} option; remove it (${what})${hint ? `: ${hint}` : ''}.`,
  );
}

/** `options.toleranceSeconds`: the signed-timestamp window, a whole number of seconds, 0 = off. */
export function parseToleranceSeconds(value: unknown): number {
  // Only an absent option takes the default; an explicit null is a mistake.
  const seconds = value === undefined ? DEFAULT_TOLERANCE_SECONDS : value;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
    throw new Error(
      `options.toleranceSeconds must be a whole number of seconds, 0 or more (0 turns the check off; default ${DEFAULT_TOLERANCE_SECONDS}).`,
    );
  }
  return seconds;
}
