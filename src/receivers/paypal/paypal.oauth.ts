import { createHash } from 'node:crypto';
import { ExpiringCache } from '../shared/fetch/expiring-cache';
import { fetchOrUnavailable, type Fetcher } from '../shared/fetch/fetcher';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';

export interface ClientCredentials {
  readonly apiBase: string;
  readonly clientId: string;
  /** Every configured secret, newest first (rotation): the first one PayPal accepts is used. */
  readonly secrets: readonly string[];
}

/** Renew a little before PayPal's expiry so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 60_000;

/**
 * OAuth 2.0 client-credentials tokens for PayPal's REST API (`POST /v1/oauth2/token`, Basic auth,
 * `grant_type=client_credentials` → `{ access_token, expires_in }`), cached until shortly before
 * they expire. Secrets never appear in messages, and the cache key is a hash, not the secret.
 */
export class PaypalAccessTokens {
  private readonly cache = new ExpiringCache<string>(32);

  constructor(private readonly fetcher: Fetcher) {}

  async get(credentials: ClientCredentials, now: Date): Promise<string> {
    const key = cacheKey(credentials);
    const cached = this.cache.get(key, now);
    if (cached) return cached;
    if (credentials.secrets.length === 0) {
      throw new UpstreamUnavailableError(
        "PayPal postback needs the REST app's client secret in the endpoint's secrets, and it has none.",
      );
    }
    for (const secret of credentials.secrets) {
      const token = await this.request(credentials, secret);
      if (token) {
        this.cache.set(
          key,
          token.value,
          new Date(now.getTime() + token.expiresInMs - EXPIRY_MARGIN_MS),
        );
        return token.value;
      }
    }
    throw new UpstreamUnavailableError(
      "PayPal refused the client credentials; check options.clientId and the endpoint's secrets.",
    );
  }

  /** Forget a token PayPal no longer accepts. */
  invalidate(credentials: ClientCredentials): void {
    this.cache.delete(cacheKey(credentials));
  }

  private async request(
    { apiBase, clientId }: ClientCredentials,
    secret: string,
  ): Promise<{ value: string; expiresInMs: number } | undefined> {
    const response = await fetchOrUnavailable(
      this.fetcher,
      `${apiBase}/v1/oauth2/token`,
      {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
          accept: 'application/json',
        },
        body: 'grant_type=client_credentials',
      },
      { what: 'Getting a PayPal access token', provider: 'PayPal' },
    );
    // 401 invalid_client: this secret is not (or no longer) the app's; try the next one.
    if (response.status === 401) return undefined;
    if (response.status !== 200) {
      throw new UpstreamUnavailableError(`PayPal's token endpoint answered ${response.status}.`);
    }
    const body = (await response.json().catch(() => undefined)) as
      { access_token?: unknown; expires_in?: unknown } | undefined;
    if (typeof body?.access_token !== 'string' || typeof body.expires_in !== 'number') {
      throw new UpstreamUnavailableError(
        "PayPal's token endpoint answered without access_token and expires_in.",
      );
    }
    return { value: body.access_token, expiresInMs: body.expires_in * 1000 };
  }
}

function cacheKey({ apiBase, clientId, secrets }: ClientCredentials): string {
  return createHash('sha256')
    .update(`${apiBase}\n${clientId}\n${secrets.join('\n')}`)
    .digest('hex');
}
