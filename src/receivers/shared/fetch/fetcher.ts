import { UpstreamUnavailableError } from './upstream-unavailable';

/**
 * Every request a receiver makes to its provider (a certificate, a public key, an OAuth token, a
 * postback) goes through one of these, so tests inject a fake and nothing touches the network.
 */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export const DEFAULT_FETCH_TIMEOUT_MS = 5_000;

/** The global fetch with a timeout; redirects are never followed (the URL was vetted, its target was not). */
export function timeoutFetcher(timeoutMs: number = DEFAULT_FETCH_TIMEOUT_MS): Fetcher {
  return (url, init) =>
    fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
}

/** What is being fetched, for messages: `what` starts a sentence, `provider` is who retries. */
export interface FetchPurpose {
  /** e.g. "Fetching the PayPal signing certificate" */
  readonly what: string;
  /** e.g. "PayPal" */
  readonly provider: string;
  /** False for a provider that never redelivers (Travis CI), so the 503 does not promise it. */
  readonly providerRetries?: boolean;
}

/**
 * Call the fetcher; a thrown error (network, timeout, abort), a 5xx or a 429 becomes
 * UpstreamUnavailableError. Any other answer is returned for the caller to judge.
 */
export async function fetchOrUnavailable(
  fetcher: Fetcher,
  url: string,
  init: RequestInit,
  { what, provider, providerRetries = true }: FetchPurpose,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, init);
  } catch (error) {
    throw new UpstreamUnavailableError(`${what} failed: ${describe(error)}.`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new UpstreamUnavailableError(
      `${what} answered ${response.status}; ${
        providerRetries
          ? `${provider} will retry the delivery.`
          : `${provider} does not retry, so this delivery is lost.`
      }`,
    );
  }
  return response;
}

/** Read at most `limit` bytes of a response body as text; undefined when it is longer. */
export async function readLimitedText(
  response: Response,
  limit: number,
): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const bytes = Buffer.from(await response.arrayBuffer());
  return bytes.length > limit ? undefined : bytes.toString('utf8');
}

function describe(error: unknown): string {
  const e = error as Error & { cause?: { code?: string } };
  if (e?.name === 'TimeoutError') return 'timed out';
  return e?.cause?.code ?? e?.name ?? 'unknown error';
}
