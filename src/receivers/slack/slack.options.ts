import { DEFAULT_TOLERANCE_SECONDS } from '../shared/timestamp-window';

export interface SlackOptions {
  /** Accepted clock difference, both ways, in seconds. 0 turns the check off. Default 300. */
  readonly toleranceSeconds: number;
}

const KNOWN = ['toleranceSeconds'];

/** Validate a Slack endpoint's options at start-up. */
export function parseSlackOptions(options: Record<string, unknown> | undefined): SlackOptions {
  for (const name of Object.keys(options ?? {})) {
    if (!KNOWN.includes(name)) {
      throw new Error(
        `options.${name} is not a Slack option; remove it (known: ${KNOWN.join(', ')}).`,
      );
    }
  }
  const toleranceSeconds = options?.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (
    typeof toleranceSeconds !== 'number' ||
    !Number.isInteger(toleranceSeconds) ||
    toleranceSeconds < 0
  ) {
    throw new Error(
      'options.toleranceSeconds must be a whole number of seconds, 0 or more (0 turns the check off; default 300).',
    );
  }
  return { toleranceSeconds };
}
