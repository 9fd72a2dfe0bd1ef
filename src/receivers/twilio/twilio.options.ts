import { rejectUnknownOptions } from '../shared/options';

/** Twilio endpoints take no options: the URL to check comes from the endpoint's publicUrl. */
export type TwilioOptions = Readonly<Record<string, never>>;

export function parseTwilioOptions(options: Record<string, unknown> | undefined): TwilioOptions {
  rejectUnknownOptions(options, 'Twilio', [], 'put the URL configured in Twilio in publicUrl');
  return {};
}
