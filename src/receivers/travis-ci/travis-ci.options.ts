export interface TravisCiOptions {
  /** The Travis CI API the builds run on; its `/config` serves the webhook public key. */
  readonly apiUrl: string;
  /** `apiUrl` + `/config`, where the key is read. */
  readonly configUrl: string;
  /** After a signature fails, the key is fetched again at most this often (key rotation). */
  readonly keyRefetchSeconds: number;
}

/**
 * travis-ci.com's API, as Travis's docs name it for the key
 * (https://docs.travis-ci.com/user/notifications/#verifying-webhook-requests). Travis CI
 * Enterprise serves the same `/config` under its own API URL.
 */
export const DEFAULT_TRAVIS_API_URL = 'https://api.travis-ci.com';
export const DEFAULT_KEY_REFETCH_SECONDS = 300;
const MIN_KEY_REFETCH_SECONDS = 60;

const KNOWN = ['apiUrl', 'keyRefetchSeconds'];

export function parseTravisCiOptions(raw: Record<string, unknown> | undefined): TravisCiOptions {
  const options = raw ?? {};
  const unknown = Object.keys(options).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0) {
    throw new Error(
      `unknown travis-ci option(s) ${unknown.join(', ')}; known: ${KNOWN.join(', ')}`,
    );
  }
  const apiUrl = checkApiUrl(options.apiUrl ?? DEFAULT_TRAVIS_API_URL);
  const refetch = options.keyRefetchSeconds ?? DEFAULT_KEY_REFETCH_SECONDS;
  if (
    typeof refetch !== 'number' ||
    !Number.isInteger(refetch) ||
    refetch < MIN_KEY_REFETCH_SECONDS
  ) {
    throw new Error(
      `options.keyRefetchSeconds must be a whole number of seconds, at least ${MIN_KEY_REFETCH_SECONDS}`,
    );
  }
  return { apiUrl, configUrl: `${apiUrl}/config`, keyRefetchSeconds: refetch };
}

/**
 * The key that every signature is checked with comes from this URL, so it must be https (a
 * plain-http answer could be swapped in transit) and nothing but scheme, host and path.
 */
function checkApiUrl(value: unknown): string {
  const problem =
    'options.apiUrl must be the https URL of the Travis CI API (https://api.travis-ci.com, or your Enterprise API URL)';
  if (typeof value !== 'string') throw new Error(problem);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(problem);
  }
  if (url.protocol !== 'https:') throw new Error(`${problem}; ${url.protocol} is refused`);
  if (url.username || url.password || url.search || url.hash) {
    throw new Error(`${problem}, without credentials, query or fragment`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
