import {
  CertificateSource,
  type CertificateLookup,
} from '../shared/certificates/certificate-source';
import type { TrustAnchors } from '../shared/certificates/trust-anchors';
import type { Fetcher } from '../shared/fetch/fetcher';
import { PAYPAL_SIGNING_CN, type PaypalEnvironment } from './paypal.hosts';

export type { CertificateLookup };

/**
 * PayPal signing certificates by `PAYPAL-CERT-URL` (already vetted by checkCertUrl), named with
 * the environment's signing CN and cached per environment.
 */
export class PaypalCertificateSource {
  private readonly source: CertificateSource;

  constructor(fetcher: Fetcher, maxEntries = 64) {
    this.source = new CertificateSource(
      fetcher,
      {
        what: 'Fetching the PayPal signing certificate',
        provider: 'PayPal',
        urlName: 'PAYPAL-CERT-URL',
      },
      maxEntries,
    );
  }

  publicKey(
    url: string,
    trust: TrustAnchors,
    environment: PaypalEnvironment,
    now: Date,
  ): Promise<CertificateLookup> {
    return this.source.publicKey({
      url,
      trust,
      now,
      names: PAYPAL_SIGNING_CN[environment],
      scope: environment,
    });
  }
}
