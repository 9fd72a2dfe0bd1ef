import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { paypalTestPki } from '../../../test/helpers/paypal-pki';
import { checkSigningCertificate, commonNames } from '../shared/certificates/certificate-path';
import { parsePemCertificates } from '../shared/certificates/pem';

const LIVE_CN = 'messageverificationcerts.paypal.com';
const DAY = 24 * 60 * 60 * 1000;

describe('PayPal signing certificate check', () => {
  const pki = paypalTestPki();
  const root = new X509Certificate(pki.rootPem);
  const now = new Date(Date.now() + 60_000);

  function check(chainPem: string, anchors = [root], at = now, cn = LIVE_CN) {
    const [leaf, ...rest] = parsePemCertificates(chainPem);
    return checkSigningCertificate(leaf, rest, anchors, cn, at);
  }

  it('accepts a PayPal-named leaf that chains through the intermediate to the trusted root', () => {
    const result = check(pki.chain);
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.notAfter.getTime()).toBe(
        new Date(new X509Certificate(pki.leafPem).validTo).getTime(),
      );
  });

  it('accepts the leaf alone when the intermediate is the configured anchor (as the Java SDK did)', () => {
    expect(check(pki.leafPem, [new X509Certificate(pki.intermediatePem)]).ok).toBe(true);
  });

  it.each([
    [
      'the leaf alone, without its intermediate',
      () => pki.leafPem,
      /does not chain to a trusted CA/,
    ],
    [
      'a leaf issued by an untrusted CA',
      () => pki.untrustedChain,
      /does not chain to a trusted CA/,
    ],
    [
      "a self-signed leaf with PayPal's name",
      () => pki.selfSigned,
      /does not chain to a trusted CA/,
    ],
    [
      'a leaf issued by a certificate that is not a CA',
      () => pki.issuedByNonCaChain,
      /does not chain/,
    ],
    [
      'a trusted chain for another name',
      () => pki.wrongSubjectChain,
      /is for messageverificationcerts\.paypal\.com\.evil\.test, not/,
    ],
    [
      'the sandbox certificate on a live endpoint',
      () => pki.sandboxChain,
      /is for messageverificationcerts\.sandbox\.paypal\.com, not/,
    ],
  ])('refuses %s', (_case, chain, message) => {
    const result = check(chain());
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a chain when the trust set is empty', () => {
    expect(check(pki.chain, []).ok).toBe(false);
  });

  it.each([
    ['expired', new Date(Date.now() + 31 * DAY), /expired at/],
    ['not yet valid', new Date(Date.now() - DAY), /is not valid before/],
  ])('refuses a leaf that is %s at the given time', (_case, at, message) => {
    const result = check(pki.chain, [root], at);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("reads the CN of PayPal's real sandbox certificate (from PayPal's Java SDK tests)", () => {
    const real = new X509Certificate(
      readFileSync(join(__dirname, 'fixtures/java-sdk-vector/cert.pem')),
    );
    expect(commonNames(real)).toEqual(['messageverificationcerts.sandbox.paypal.com']);
    expect(real.subject).toContain('O=PayPal\\, Inc.');
  });
});
