import { rejectUnknownOptions } from '../shared/options';

export interface DropboxSignOptions {
  /** How old (or new) event_time may be, in seconds; 0 turns the check off. */
  readonly toleranceSeconds: number;
}

/**
 * Dropbox Sign retries a failed callback 6 times, the last about 30 hours 20 minutes after
 * the first attempt (faq.hellosign.com "How many times does the Hellosign API retry my
 * callback"), resending the same event_time: the default window, 36 hours, lets every retry
 * through and refuses older hashes.
 */
export const DEFAULT_DROPBOX_SIGN_TOLERANCE_SECONDS = 36 * 3600;

export function parseDropboxSignOptions(
  options: Record<string, unknown> | undefined,
): DropboxSignOptions {
  rejectUnknownOptions(
    options,
    'Dropbox Sign',
    ['toleranceSeconds'],
    'the API key goes in secrets',
  );
  const value = options?.toleranceSeconds ?? DEFAULT_DROPBOX_SIGN_TOLERANCE_SECONDS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new Error(
      `options.toleranceSeconds must be a whole number of seconds, 0 or more (0 turns the check off; default ${DEFAULT_DROPBOX_SIGN_TOLERANCE_SECONDS}, so that retries over 30 hours pass).`,
    );
  }
  return { toleranceSeconds: value };
}
