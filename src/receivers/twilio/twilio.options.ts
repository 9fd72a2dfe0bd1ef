/** Twilio endpoints take no options: the URL to check comes from the endpoint's publicUrl. */
export type TwilioOptions = Readonly<Record<string, never>>;

export function parseTwilioOptions(options: Record<string, unknown> | undefined): TwilioOptions {
  const [name] = Object.keys(options ?? {});
  if (name !== undefined) {
    throw new Error(
      `options.${name} is not a Twilio option; remove it (Twilio takes none: put the URL configured in Twilio in publicUrl).`,
    );
  }
  return {};
}
