import { parseToleranceSeconds, rejectUnknownOptions } from '../shared/options';

export interface MailgunOptions {
  /** How far `signature.timestamp` may be from the gateway's clock, either way; 0 = off. */
  readonly toleranceSeconds: number;
}

export function parseMailgunOptions(options: Record<string, unknown> | undefined): MailgunOptions {
  rejectUnknownOptions(options, 'Mailgun', ['toleranceSeconds']);
  return { toleranceSeconds: parseToleranceSeconds(options?.toleranceSeconds) };
}
