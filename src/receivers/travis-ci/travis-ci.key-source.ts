import type { KeyObject } from 'node:crypto';
import { stringAt } from '../shared/body';
import { ExpiringCache } from '../shared/fetch/expiring-cache';
import { fetchOrUnavailable, readLimitedText, type Fetcher } from '../shared/fetch/fetcher';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';
import { rsaPublicKey } from './travis-ci.public-key';

/** The `/config` document is a few KiB; much more is not Travis's. */
const MAX_CONFIG_BYTES = 256 * 1024;
/** A key that verified is still re-read daily, so a rotation is seen without a failure. */
const KEY_CACHE_MS = 24 * 60 * 60 * 1000;

interface CachedKey {
  readonly key: KeyObject;
  /** When `/config` was last asked (a refetch after a failed signature moves it). */
  checkedAt: number;
}

/**
 * Travis CI's webhook public key per `/config` URL: fetched once, cached for a day, and fetched
 * again after a failed signature at most once per `refetchMs` (Travis may rotate the key; a
 * forged request must not make the gateway ask Travis on every try). Concurrent first lookups
 * of one URL share one fetch.
 */
export class TravisKeySource {
  private readonly cache = new ExpiringCache<CachedKey>(16);
  private readonly inFlight = new Map<string, Promise<KeyObject>>();

  constructor(private readonly fetcher: Fetcher) {}

  /** The cached key, or the one `/config` serves now. */
  async current(configUrl: string, now: Date): Promise<KeyObject> {
    const cached = this.cache.get(configUrl, now);
    return cached ? cached.key : this.fetchShared(configUrl, now);
  }

  /**
   * After a signature failed with `used`: a newer key when one was fetched since, or when the
   * last fetch is at least `refetchMs` old and `/config` now serves another key; else undefined.
   */
  async afterFailure(
    configUrl: string,
    used: KeyObject,
    refetchMs: number,
    now: Date,
  ): Promise<KeyObject | undefined> {
    const cached = this.cache.get(configUrl, now);
    if (cached && !cached.key.equals(used)) return cached.key;
    if (cached && now.getTime() - cached.checkedAt < refetchMs) return undefined;
    if (cached) cached.checkedAt = now.getTime(); // before the fetch: a failing one counts too
    const fresh = await this.fetchShared(configUrl, now);
    return fresh.equals(used) ? undefined : fresh;
  }

  private async fetchShared(configUrl: string, now: Date): Promise<KeyObject> {
    const pending = this.inFlight.get(configUrl);
    if (pending) return pending;
    const lookup = this.fetchKey(configUrl).then((key) => {
      const entry: CachedKey = { key, checkedAt: now.getTime() };
      this.cache.set(configUrl, entry, new Date(now.getTime() + KEY_CACHE_MS));
      return key;
    });
    this.inFlight.set(configUrl, lookup);
    try {
      return await lookup;
    } finally {
      this.inFlight.delete(configUrl);
    }
  }

  /**
   * GET `/config` and read `config.notifications.webhook.public_key`, as Travis's reference
   * verifier does (https://github.com/travis-ci/webhook-signature-verifier). An answer without
   * a usable key says nothing about the delivery either: 503, naming the option to check.
   */
  private async fetchKey(configUrl: string): Promise<KeyObject> {
    const what = `Fetching the Travis CI webhook public key from ${configUrl}`;
    const response = await fetchOrUnavailable(
      this.fetcher,
      configUrl,
      { method: 'GET', headers: { accept: 'application/json' } },
      { what, provider: 'Travis CI', providerRetries: false },
    );
    const unusable = (why: string) =>
      new UpstreamUnavailableError(`${what}: ${why}; check the endpoint's options.apiUrl.`);
    if (response.status !== 200) throw unusable(`it answered ${response.status}`);
    let text: string | undefined;
    try {
      text = await readLimitedText(response, MAX_CONFIG_BYTES);
    } catch {
      throw new UpstreamUnavailableError(`${what} failed while reading the body.`);
    }
    if (text === undefined) throw unusable('the answer is too large');
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      throw unusable('the answer is not JSON');
    }
    const pem = stringAt(document, 'config', 'notifications', 'webhook', 'public_key');
    if (pem === undefined) throw unusable('config.notifications.webhook.public_key is missing');
    const key = rsaPublicKey(pem);
    if (!key) throw unusable('config.notifications.webhook.public_key is not an RSA public key');
    return key;
  }
}
