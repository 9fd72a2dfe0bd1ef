import type { KeyObject } from 'node:crypto';
import { checkSigningCertificate } from '../shared/certificates/certificate-path';
import { parsePemCertificates } from '../shared/certificates/pem';
import type { TrustAnchors } from '../shared/certificates/trust-anchors';
import { ExpiringCache } from '../shared/fetch/expiring-cache';
import { fetchOrUnavailable, readLimitedText, type Fetcher } from '../shared/fetch/fetcher';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';
import { amazonIntermediates } from './aws-sns.amazon-cas';
import { snsSigningNames } from './aws-sns.urls';

export type SnsCertificateLookup =
  { ok: true; publicKey: KeyObject } | { ok: false; message: string };

/** A PEM certificate is a few KiB; anything much larger is not SNS's. */
const MAX_CERT_BYTES = 64 * 1024;
/** Re-check a cached certificate at least daily even when it is valid for longer. */
const MAX_CACHE_MS = 24 * 60 * 60 * 1000;

/**
 * Fetches SNS signing certificates by URL and caches the ones that passed the checks, keyed by
 * trust set and URL, at most `maxEntries` of them, until the first certificate on their path
 * expires or a day passes. The URL must already have passed checkSigningCertUrl. Concurrent
 * lookups of one URL share one fetch.
 */
export class SnsCertificateSource {
  private readonly cache: ExpiringCache<KeyObject>;
  private readonly inFlight = new Map<string, Promise<SnsCertificateLookup>>();

  constructor(
    private readonly fetcher: Fetcher,
    maxEntries = 64,
  ) {
    this.cache = new ExpiringCache(maxEntries);
  }

  async publicKey(url: string, trust: TrustAnchors, now: Date): Promise<SnsCertificateLookup> {
    const key = `${trust.id}|${url}`;
    const cached = this.cache.get(key, now);
    if (cached) return { ok: true, publicKey: cached };
    const pending = this.inFlight.get(key);
    if (pending) return pending;

    const lookup = this.fetchAndCheck(url, trust, now).then((result) => {
      if (!result.ok) return result;
      const expiresAt = Math.min(result.notAfter.getTime(), now.getTime() + MAX_CACHE_MS);
      this.cache.set(key, result.publicKey, new Date(expiresAt));
      return { ok: true as const, publicKey: result.publicKey };
    });
    this.inFlight.set(key, lookup);
    try {
      return await lookup;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private async fetchAndCheck(
    url: string,
    trust: TrustAnchors,
    now: Date,
  ): Promise<{ ok: true; publicKey: KeyObject; notAfter: Date } | { ok: false; message: string }> {
    const what = 'Fetching the SNS signing certificate';
    const response = await fetchOrUnavailable(
      this.fetcher,
      url,
      { method: 'GET' },
      { what, provider: 'AWS SNS' },
    );
    if (response.status !== 200) {
      return {
        ok: false,
        message: `SigningCertURL answered ${response.status}, not a certificate.`,
      };
    }
    let pem: string | undefined;
    try {
      pem = await readLimitedText(response, MAX_CERT_BYTES);
    } catch {
      throw new UpstreamUnavailableError(`${what} failed while reading the body.`);
    }
    if (pem === undefined) return { ok: false, message: 'SigningCertURL served more than 64 KiB.' };

    let chain;
    try {
      chain = parsePemCertificates(pem);
    } catch (error) {
      return {
        ok: false,
        message: `SigningCertURL did not serve a certificate: ${(error as Error).message}.`,
      };
    }
    // Whatever the URL served after the leaf is tried first on the path, then the shipped ones.
    const [leaf, ...served] = chain;
    const check = checkSigningCertificate(
      leaf,
      [...served, ...amazonIntermediates()],
      trust.certificates,
      snsSigningNames(new URL(url).hostname),
      now,
      "if AWS issues SNS certificates from an Amazon intermediate not shipped, set the endpoint's options.caPem to it plus Amazon Root CA 1-4 (docs/providers.md, AWS SNS)",
    );
    return check.ok ? { ok: true, publicKey: leaf.publicKey, notAfter: check.notAfter } : check;
  }
}
