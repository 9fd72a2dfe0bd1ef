import { WebhookError } from '../../errors/webhook-errors';

/**
 * Every request the PayPal receiver makes goes through one of these (the certificate, the OAuth
 * token, the postback), so tests inject a fake and nothing touches the network.
 */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

export const DEFAULT_FETCH_TIMEOUT_MS = 5_000;

/** The global fetch with a timeout; redirects are never followed (the URL was vetted, its target was not). */
export function timeoutFetcher(timeoutMs: number = DEFAULT_FETCH_TIMEOUT_MS): Fetcher {
  return (url, init) =>
    fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
}

/**
 * PayPal could not be asked (network error, timeout, 5xx, 429) or the gateway's own PayPal
 * settings are wrong. That says nothing about the delivery, so it is answered 503 with
 * Retry-After rather than 401: PayPal retries either way (any non-2xx, 25 times over 3 days), but
 * a 503 keeps these out of the forged-signature count and tells the operator whose problem it is.
 */
export class PaypalUnavailableError extends WebhookError {
  constructor(detail: string) {
    super(503, 'upstream-unavailable', detail, { 'Retry-After': '60' });
  }
}

/** Call the fetcher; a thrown error (network, timeout, abort) becomes PaypalUnavailableError. */
export async function fetchOrUnavailable(
  fetcher: Fetcher,
  url: string,
  init: RequestInit,
  what: string,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(url, init);
  } catch (error) {
    throw new PaypalUnavailableError(`${what} failed: ${describe(error)}.`);
  }
  if (response.status >= 500 || response.status === 429) {
    throw new PaypalUnavailableError(
      `${what} answered ${response.status}; PayPal will retry the delivery.`,
    );
  }
  return response;
}

/** Read at most `limit` bytes of a response body as text. */
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
