import type { KeyObject } from 'node:crypto';
import { checkSigningCertificate } from '../shared/certificates/certificate-path';
import { ExpiringCache } from '../shared/fetch/expiring-cache';
import { fetchOrUnavailable, readLimitedText, type Fetcher } from '../shared/fetch/fetcher';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';
import { PAYPAL_SIGNING_CN, type PaypalEnvironment } from './paypal.hosts';
import { parsePemCertificates } from '../shared/certificates/pem';
import type { TrustAnchors } from '../shared/certificates/trust-anchors';

export type CertificateLookup = { ok: true; publicKey: KeyObject } | { ok: false; message: string };

/** A PEM chain is a few KiB; anything much larger is not PayPal's certificate. */
const MAX_CERT_BYTES = 64 * 1024;
/** Re-check a cached certificate at least daily even when it is valid for longer. */
const MAX_CACHE_MS = 24 * 60 * 60 * 1000;

/**
 * Fetches PayPal signing certificates by URL and caches the ones that passed the checks, keyed
 * by URL, trust set and environment, until the first certificate of their path expires. The URL
 * must already have passed checkCertUrl. Concurrent lookups of one URL share one fetch.
 */
export class PaypalCertificateSource {
  private readonly cache: ExpiringCache<KeyObject>;
  private readonly inFlight = new Map<string, Promise<CertificateLookup>>();

  constructor(
    private readonly fetcher: Fetcher,
    maxEntries = 64,
  ) {
    this.cache = new ExpiringCache(maxEntries);
  }

  async publicKey(
    url: string,
    trust: TrustAnchors,
    environment: PaypalEnvironment,
    now: Date,
  ): Promise<CertificateLookup> {
    const key = `${environment}|${trust.id}|${url}`;
    const cached = this.cache.get(key, now);
    if (cached) return { ok: true, publicKey: cached };
    const pending = this.inFlight.get(key);
    if (pending) return pending;

    const lookup = this.fetchAndCheck(url, trust, environment, now).then((result) => {
      if (result.ok) {
        const expiresAt = Math.min(result.notAfter.getTime(), now.getTime() + MAX_CACHE_MS);
        this.cache.set(key, result.publicKey, new Date(expiresAt));
      }
      return result.ok ? { ok: true as const, publicKey: result.publicKey } : result;
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
    environment: PaypalEnvironment,
    now: Date,
  ): Promise<{ ok: true; publicKey: KeyObject; notAfter: Date } | { ok: false; message: string }> {
    const what = 'Fetching the PayPal signing certificate';
    const response = await fetchOrUnavailable(
      this.fetcher,
      url,
      { method: 'GET' },
      { what, provider: 'PayPal' },
    );
    if (response.status !== 200) {
      return {
        ok: false,
        message: `PAYPAL-CERT-URL answered ${response.status}, not a certificate.`,
      };
    }
    let pem: string | undefined;
    try {
      pem = await readLimitedText(response, MAX_CERT_BYTES);
    } catch {
      throw new UpstreamUnavailableError(`${what} failed while reading the body.`);
    }
    if (pem === undefined)
      return { ok: false, message: 'PAYPAL-CERT-URL served more than 64 KiB.' };

    let chain;
    try {
      chain = parsePemCertificates(pem);
    } catch (error) {
      return {
        ok: false,
        message: `PAYPAL-CERT-URL did not serve a certificate: ${(error as Error).message}.`,
      };
    }
    const [leaf, ...intermediates] = chain;
    const check = checkSigningCertificate(
      leaf,
      intermediates,
      trust.certificates,
      PAYPAL_SIGNING_CN[environment],
      now,
    );
    return check.ok ? { ok: true, publicKey: leaf.publicKey, notAfter: check.notAfter } : check;
  }
}
