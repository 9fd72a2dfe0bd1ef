import { checkCertUrl } from './paypal.cert-url';

const PATH = '/v1/notifications/certs/CERT-360caa42-fca2a594-1d93a270';

describe('PAYPAL-CERT-URL allow-list', () => {
  it.each([
    ['live', `https://api.paypal.com${PATH}`],
    ['live', `https://api-m.paypal.com${PATH}`],
    ['live', `https://API.PAYPAL.COM${PATH}`],
    ['live', `https://api.paypal.com:443${PATH}`],
    ['sandbox', `https://api.sandbox.paypal.com${PATH}`],
    ['sandbox', `https://api-m.sandbox.paypal.com${PATH}`],
  ] as const)('accepts on %s: %s', (environment, url) => {
    expect(checkCertUrl(url, environment).ok).toBe(true);
  });

  it.each([
    ['http', `http://api.paypal.com${PATH}`, /not https/],
    [
      'a look-alike suffix',
      `https://api.paypal.com.evil.test${PATH}`,
      /host api\.paypal\.com\.evil\.test is not PayPal's/,
    ],
    [
      'the host in the path',
      `https://evil.test/api.paypal.com${PATH}`,
      /host evil\.test is not PayPal's/,
    ],
    ['userinfo that looks like the host', `https://api.paypal.com@evil.test${PATH}`, /userinfo/],
    ['userinfo on the right host', `https://user:pw@api.paypal.com${PATH}`, /userinfo/],
    ['an odd port', `https://api.paypal.com:8443${PATH}`, /port/],
    ['a trailing-dot host', `https://api.paypal.com.${PATH}`, /not PayPal's/],
    ['another PayPal host', `https://www.paypal.com${PATH}`, /not PayPal's/],
    ['a sandbox host on a live endpoint', `https://api.sandbox.paypal.com${PATH}`, /not PayPal's/],
    ['a query string', `https://api.paypal.com${PATH}?x=1`, /query/],
    ['a path outside the certificate store', 'https://api.paypal.com/v1/oauth2/token', /path/],
    ['a relative URL', PATH, /not a URL/],
    ['a file URL', 'file:///etc/passwd', /not https/],
  ])('refuses %s', (_case, url, message) => {
    const result = checkCertUrl(url, 'live');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });
});
