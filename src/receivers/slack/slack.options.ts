import { parseToleranceSeconds, rejectUnknownOptions } from '../shared/options';

export interface SlackOptions {
  /** Accepted clock difference, both ways, in seconds. 0 turns the check off. Default 300. */
  readonly toleranceSeconds: number;
}

/** Validate a Slack endpoint's options at start-up. */
export function parseSlackOptions(options: Record<string, unknown> | undefined): SlackOptions {
  rejectUnknownOptions(options, 'Slack', ['toleranceSeconds']);
  return { toleranceSeconds: parseToleranceSeconds(options?.toleranceSeconds) };
}
