import { PAYPAL_CERT_HOSTS, type PaypalEnvironment } from './paypal.hosts';

export type CertUrlCheck = { ok: true; url: string } | { ok: false; message: string };

/**
 * Decide whether PAYPAL-CERT-URL may be fetched. The header is chosen by whoever sent the
 * request, and the certificate it names holds the key the signature is checked with, so a URL
 * off PayPal's hosts is refused before any request is made (else: SSRF, and forgery with a key
 * of the sender's own). Exact host match: no suffixes, userinfo, ports, query or fragment.
 */
export function checkCertUrl(value: string, environment: PaypalEnvironment): CertUrlCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, message: 'PAYPAL-CERT-URL is not a URL.' };
  }
  const hosts = PAYPAL_CERT_HOSTS[environment];
  const refuse = (why: string): CertUrlCheck => ({
    ok: false,
    message: `PAYPAL-CERT-URL is refused (${why}); only https://${hosts.join(' or https://')} are trusted for the ${environment} environment.`,
  });
  if (url.protocol !== 'https:') return refuse('not https');
  if (url.username !== '' || url.password !== '') return refuse('it carries userinfo');
  if (url.port !== '') return refuse('it names a port');
  if (!hosts.includes(url.hostname)) return refuse(`host ${url.hostname} is not PayPal's`);
  if (url.search !== '' || url.hash !== '') return refuse('it has a query or fragment');
  if (!url.pathname.startsWith('/v1/notifications/certs/')) {
    return refuse('the path is not under /v1/notifications/certs/');
  }
  return { ok: true, url: url.href };
}
