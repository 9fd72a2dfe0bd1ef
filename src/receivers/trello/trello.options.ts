import { rejectUnknownOptions } from '../shared/options';

export interface TrelloOptions {
  /**
   * The webhook's callbackURL exactly as registered with Trello. Optional: without it the
   * endpoint's `publicUrl` is used, which is where it normally lives.
   */
  readonly callbackUrl?: string;
}

/** Validate a Trello endpoint's options at start-up. */
export function parseTrelloOptions(options: Record<string, unknown> | undefined): TrelloOptions {
  rejectUnknownOptions(options, 'Trello', ['callbackUrl']);
  const callbackUrl = options?.callbackUrl;
  if (callbackUrl === undefined) return {};
  if (typeof callbackUrl !== 'string' || !isHttpUrl(callbackUrl)) {
    throw new Error(
      'options.callbackUrl must be the absolute http(s) callbackURL exactly as registered with Trello ' +
        '(or leave it out and set the endpoint publicUrl).',
    );
  }
  return { callbackUrl };
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
