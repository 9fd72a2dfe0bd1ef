import type { X509Certificate } from 'node:crypto';

export type CertificateCheck =
  | { ok: true; /** when the first certificate of the path expires */ notAfter: Date }
  | { ok: false; message: string };

/** Longest path leaf → anchor we walk (PayPal's and SNS's are leaf → intermediate → root). */
const MAX_DEPTH = 5;
/** PayPal's and SNS's signing keys are RSA 2048; anything smaller is refused. */
const MIN_RSA_BITS = 2048;

/** What to tell the operator when no issuer is found (where to add the missing CA). */
export const DEFAULT_MISSING_ISSUER_HINT =
  'if the provider serves the leaf alone, add its intermediate CA to options.caFile';

/**
 * Check a provider's signing certificate the way a TLS client checks a server's: the leaf names
 * the provider (a CN or DNS subject alternative name equal to one of `expectedNames`), every certificate on the path is within its validity dates at
 * `now`, each is signed by the next, every issuer is a CA, and the path ends at one of `anchors`.
 * `intermediates` are untrusted helpers (whatever else the certificate URL served, or CA
 * certificates shipped with the receiver): each is used only once its own issuer checks out.
 */
export function checkSigningCertificate(
  leaf: X509Certificate,
  intermediates: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  expectedNames: string | readonly string[],
  now: Date,
  missingIssuerHint: string = DEFAULT_MISSING_ISSUER_HINT,
): CertificateCheck {
  const expected = typeof expectedNames === 'string' ? [expectedNames] : expectedNames;
  const names = certificateNames(leaf);
  if (!names.some((n) => expected.includes(n))) {
    return {
      ok: false,
      message: `The signing certificate is for ${names.length ? names.join(', ') : '(no name)'}, not ${expected.join(' or ')}.`,
    };
  }
  const key = leaf.publicKey;
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (key.asymmetricKeyType !== 'rsa' || bits < MIN_RSA_BITS) {
    return {
      ok: false,
      message: `The signing certificate's key is not RSA of at least ${MIN_RSA_BITS} bits.`,
    };
  }

  let notAfter = new Date(leaf.validTo);
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const dates = checkDates(
      current,
      now,
      depth === 0 ? 'signing certificate' : `CA "${name(current)}"`,
    );
    if (dates) return { ok: false, message: dates };
    const currentNotAfter = new Date(current.validTo);
    if (currentNotAfter < notAfter) notAfter = currentNotAfter;

    const anchor = anchors.find((ca) => issues(ca, current));
    if (anchor) {
      const anchorDates = checkDates(anchor, now, `trusted CA "${name(anchor)}"`);
      if (anchorDates) return { ok: false, message: anchorDates };
      return { ok: true, notAfter };
    }
    const next = intermediates.find((ca) => ca !== current && issues(ca, current));
    if (!next) {
      return {
        ok: false,
        message:
          `The signing certificate does not chain to a trusted CA (no issuer found for "${name(current)}"); ` +
          `${missingIssuerHint}.`,
      };
    }
    current = next;
  }
  return { ok: false, message: `The certificate chain is longer than ${MAX_DEPTH}.` };
}

/** True when `ca` is a CA certificate whose key signed `cert` (names and signature both match). */
function issues(ca: X509Certificate, cert: X509Certificate): boolean {
  if (!ca.ca || !cert.checkIssued(ca)) return false;
  try {
    return cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}

function checkDates(cert: X509Certificate, now: Date, what: string): string | undefined {
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (now < from) return `The ${what} is not valid before ${from.toISOString()}.`;
  if (now > to) return `The ${what} expired at ${to.toISOString()}.`;
  return undefined;
}

/** The CN values of a certificate's subject (Node prints one RDN per line). */
export function commonNames(cert: X509Certificate): string[] {
  return cert.subject
    .split('\n')
    .filter((line) => line.startsWith('CN='))
    .map((line) => line.slice(3));
}

/**
 * The names a certificate is for: its CN values, then its DNS subject alternative names, each
 * once. Matched exactly by the caller, so a wildcard name never stands for another.
 */
export function certificateNames(cert: X509Certificate): string[] {
  const dns = (cert.subjectAltName ?? '')
    .split(', ')
    .filter((entry) => entry.startsWith('DNS:'))
    .map((entry) => entry.slice(4));
  return [...new Set([...commonNames(cert), ...dns])];
}

function name(cert: X509Certificate): string {
  return commonNames(cert)[0] ?? cert.subject.replace(/\n/g, ', ');
}
