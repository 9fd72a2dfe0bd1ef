import type { KeyObject, X509Certificate } from 'node:crypto';
import { ExpiringCache } from '../fetch/expiring-cache';
import { fetchOrUnavailable, readLimitedText, type Fetcher } from '../fetch/fetcher';
import { UpstreamUnavailableError } from '../fetch/upstream-unavailable';
import { checkSigningCertificate } from './certificate-path';
import { parsePemCertificates } from './pem';
import type { TrustAnchors } from './trust-anchors';

export type CertificateLookup = { ok: true; publicKey: KeyObject } | { ok: false; message: string };

/** How a provider's certificate fetch is named in refusals and 503s. */
export interface CertificateSourceLabels {
  /** `Fetching the PayPal signing certificate`: the 503's subject. */
  readonly what: string;
  /** Who retries the delivery (`PayPal`). */
  readonly provider: string;
  /** Where the URL came from, as the provider names it (`PAYPAL-CERT-URL`). */
  readonly urlName: string;
}

/** One lookup: the vetted URL, what the certificate must chain to and be named. */
export interface CertificateRequest {
  readonly url: string;
  readonly trust: TrustAnchors;
  readonly now: Date;
  /** The names the leaf must carry (CN or SAN). */
  readonly names: string | readonly string[];
  /** More of the cache key when the same URL means different things (PayPal's environment). */
  readonly scope?: string;
  /** Intermediates shipped with Hookgate, tried after those the URL served. */
  readonly shippedIntermediates?: readonly X509Certificate[];
  /** What to do when no issuer is found, for the refusal. */
  readonly missingIssuerHint?: string;
}

/** A PEM chain is a few KiB; anything much larger is not a signing certificate. */
const MAX_CERT_BYTES = 64 * 1024;
/** Re-check a cached certificate at least daily even when it is valid for longer. */
const MAX_CACHE_MS = 24 * 60 * 60 * 1000;

/**
 * Fetches signing certificates by URL (PayPal, AWS SNS) and caches the public keys of those that
 * passed the path check, keyed by scope, trust set and URL, at most `maxEntries` of them, until
 * the first certificate on their path expires or a day passes. The URL must already have passed
 * the provider's URL check. Concurrent lookups of one URL share one fetch.
 */
export class CertificateSource {
  private readonly cache: ExpiringCache<KeyObject>;
  private readonly inFlight = new Map<string, Promise<CertificateLookup>>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly labels: CertificateSourceLabels,
    maxEntries = 64,
  ) {
    this.cache = new ExpiringCache(maxEntries);
  }

  async publicKey(request: CertificateRequest): Promise<CertificateLookup> {
    const { url, trust, now } = request;
    const key = `${request.scope ?? ''}|${trust.id}|${url}`;
    const cached = this.cache.get(key, now);
    if (cached) return { ok: true, publicKey: cached };
    const pending = this.inFlight.get(key);
    if (pending) return pending;

    const lookup = this.fetchAndCheck(request).then((result) => {
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
    request: CertificateRequest,
  ): Promise<{ ok: true; publicKey: KeyObject; notAfter: Date } | { ok: false; message: string }> {
    const { what, provider, urlName } = this.labels;
    const response = await fetchOrUnavailable(
      this.fetcher,
      request.url,
      { method: 'GET' },
      { what, provider },
    );
    if (response.status !== 200) {
      return { ok: false, message: `${urlName} answered ${response.status}, not a certificate.` };
    }
    let pem: string | undefined;
    try {
      pem = await readLimitedText(response, MAX_CERT_BYTES);
    } catch {
      throw new UpstreamUnavailableError(`${what} failed while reading the body.`);
    }
    if (pem === undefined) return { ok: false, message: `${urlName} served more than 64 KiB.` };

    let chain;
    try {
      chain = parsePemCertificates(pem);
    } catch (error) {
      return {
        ok: false,
        message: `${urlName} did not serve a certificate: ${(error as Error).message}.`,
      };
    }
    // Whatever the URL served after the leaf is tried first on the path, then the shipped ones.
    const [leaf, ...served] = chain;
    const check = checkSigningCertificate(
      leaf,
      [...served, ...(request.shippedIntermediates ?? [])],
      request.trust.certificates,
      request.names,
      request.now,
      request.missingIssuerHint,
    );
    return check.ok ? { ok: true, publicKey: leaf.publicKey, notAfter: check.notAfter } : check;
  }
}
