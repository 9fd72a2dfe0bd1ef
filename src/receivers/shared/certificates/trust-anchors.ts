import { createHash, X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import { parsePemCertificates } from './pem';

/** The certificates a provider's signing certificate must chain to, and a key naming that set. */
export interface TrustAnchors {
  readonly certificates: readonly X509Certificate[];
  /** Distinguishes trust sets in the certificate cache (a cert verified under one set is not under another). */
  readonly id: string;
}

let systemAnchors: TrustAnchors | undefined;

/** Node's bundled Mozilla root CAs, parsed once. */
export function systemTrustAnchors(): TrustAnchors {
  systemAnchors ??= {
    certificates: rootCertificates.map((pem) => new X509Certificate(pem)),
    id: 'node-root-certificates',
  };
  return systemAnchors;
}

/** A configured CA bundle: it replaces the default roots, so an operator can pin the provider's CA. */
export function bundleTrustAnchors(pem: string): TrustAnchors {
  const certificates = parsePemCertificates(pem);
  const id = createHash('sha256')
    .update(certificates.map((c) => c.fingerprint256).join(','))
    .digest('hex');
  return { certificates, id: `bundle:${id}` };
}
