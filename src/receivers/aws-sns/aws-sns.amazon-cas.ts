import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { TrustAnchors } from '../shared/certificates/trust-anchors';
import { AMAZON_RSA_2048_INTERMEDIATES } from './aws-sns.amazon-intermediates';

let shippedIntermediates: X509Certificate[] | undefined;

/** The shipped Amazon intermediates, parsed once: untrusted helpers for the path walk. */
export function amazonIntermediates(): readonly X509Certificate[] {
  shippedIntermediates ??= Object.values(AMAZON_RSA_2048_INTERMEDIATES).map(
    (pem) => new X509Certificate(pem),
  );
  return shippedIntermediates;
}

let amazonRoots: TrustAnchors | undefined;

/**
 * Amazon Root CA 1–4 as Node ships them (its Mozilla bundle): the default trust for SNS. Only
 * Amazon's roots, not every root Node trusts, so no other CA can vouch for `sns.amazonaws.com`.
 */
export function amazonTrustAnchors(): TrustAnchors {
  amazonRoots ??= {
    certificates: rootCertificates
      .map((pem) => new X509Certificate(pem))
      .filter(
        (cert) => /^O=Amazon$/m.test(cert.subject) && /^CN=Amazon Root CA \d$/m.test(cert.subject),
      ),
    id: 'amazon-root-cas',
  };
  return amazonRoots;
}
