import {
  CertificateSource,
  type CertificateLookup,
} from '../shared/certificates/certificate-source';
import type { TrustAnchors } from '../shared/certificates/trust-anchors';
import type { Fetcher } from '../shared/fetch/fetcher';
import { amazonIntermediates } from './aws-sns.amazon-cas';
import { snsSigningNames } from './aws-sns.urls';

export type SnsCertificateLookup = CertificateLookup;

/**
 * SNS signing certificates by `SigningCertURL` (already vetted by checkSigningCertUrl): named
 * for the URL's region, chained through what the URL served or Amazon's shipped intermediates.
 */
export class SnsCertificateSource {
  private readonly source: CertificateSource;

  constructor(fetcher: Fetcher, maxEntries = 64) {
    this.source = new CertificateSource(
      fetcher,
      {
        what: 'Fetching the SNS signing certificate',
        provider: 'AWS SNS',
        urlName: 'SigningCertURL',
      },
      maxEntries,
    );
  }

  publicKey(url: string, trust: TrustAnchors, now: Date): Promise<SnsCertificateLookup> {
    return this.source.publicKey({
      url,
      trust,
      now,
      names: snsSigningNames(new URL(url).hostname),
      shippedIntermediates: amazonIntermediates(),
      missingIssuerHint:
        "if AWS issues SNS certificates from an Amazon intermediate not shipped, set the endpoint's options.caPem to it plus Amazon Root CA 1-4 (docs/providers.md, AWS SNS)",
    });
  }
}
