import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paypalTestPki } from '../../../test/helpers/paypal-pki';
import { DEFAULT_PAYPAL_TOLERANCE_SECONDS, parsePaypalOptions } from './paypal.options';
import { systemTrustAnchors } from '../shared/certificates/trust-anchors';

describe('PayPal endpoint options', () => {
  it('defaults to offline verification on live, against Node root CAs, with a 300 s window', () => {
    const options = parsePaypalOptions({ webhookId: '0FV983392A0531201' });
    expect(options).toMatchObject({
      webhookId: '0FV983392A0531201',
      environment: 'live',
      verification: 'offline',
      toleranceSeconds: DEFAULT_PAYPAL_TOLERANCE_SECONDS,
      clientId: undefined,
    });
    expect(DEFAULT_PAYPAL_TOLERANCE_SECONDS).toBe(300);
    expect(options.trust).toBe(systemTrustAnchors());
    expect(options.trust.certificates.length).toBeGreaterThan(50);
  });

  it('accepts the example id from DESIGN.md', () => {
    expect(parsePaypalOptions({ webhookId: 'WH-123' }).webhookId).toBe('WH-123');
  });

  it('reads a CA bundle from caPem or caFile, replacing the system roots', () => {
    const pki = paypalTestPki();
    const fromPem = parsePaypalOptions({ webhookId: 'W1', caPem: pki.rootPem });
    expect(fromPem.trust.certificates).toHaveLength(1);
    expect(fromPem.trust.id).toMatch(/^bundle:/);

    const file = join(mkdtempSync(join(tmpdir(), 'hookgate-paypal-ca-')), 'ca.pem');
    writeFileSync(file, pki.rootPem + pki.intermediatePem);
    const fromFile = parsePaypalOptions({ webhookId: 'W1', caFile: file });
    expect(fromFile.trust.certificates).toHaveLength(2);
    expect(fromFile.trust.id).not.toBe(fromPem.trust.id);
  });

  it('takes postback settings', () => {
    expect(
      parsePaypalOptions({
        webhookId: 'W1',
        verification: 'postback',
        clientId: 'AbC',
        environment: 'sandbox',
      }),
    ).toMatchObject({ verification: 'postback', clientId: 'AbC', environment: 'sandbox' });
  });

  it.each([
    ['no options at all', undefined, /^options\.webhookId is required: set it to the Webhook ID/],
    ['an empty webhook id', { webhookId: '' }, /^options\.webhookId is required/],
    ['a webhook id with a separator in it', { webhookId: 'a|b' }, /^options\.webhookId/],
    [
      'an unknown option',
      { webhookId: 'W1', webhookID: 'W1' },
      /^options\.webhookID is not a PayPal option; use webhookId,/,
    ],
    [
      'an unknown environment',
      { webhookId: 'W1', environment: 'production' },
      /^options\.environment must be "live" or "sandbox"/,
    ],
    [
      'an unknown mode',
      { webhookId: 'W1', verification: 'api' },
      /^options\.verification must be "offline"/,
    ],
    [
      'a negative tolerance',
      { webhookId: 'W1', toleranceSeconds: -1 },
      /^options\.toleranceSeconds must be a whole number/,
    ],
    [
      'a tolerance as a string',
      { webhookId: 'W1', toleranceSeconds: '300' },
      /^options\.toleranceSeconds/,
    ],
    [
      'postback without a client id',
      { webhookId: 'W1', verification: 'postback' },
      /^options\.clientId is required with verification: postback/,
    ],
    [
      'a client id in offline mode',
      { webhookId: 'W1', clientId: 'AbC' },
      /^options\.clientId is only used with verification: postback/,
    ],
    [
      'both CA options',
      { webhookId: 'W1', caPem: 'x', caFile: 'y' },
      /^options\.caFile and options\.caPem are alternatives/,
    ],
    [
      'a CA file that does not exist',
      { webhookId: 'W1', caFile: '/nonexistent/ca.pem' },
      /^options\.caFile "\/nonexistent\/ca\.pem" cannot be read \(ENOENT\)/,
    ],
    [
      'a CA bundle without certificates',
      { webhookId: 'W1', caPem: 'hello' },
      /^options\.caPem is not a usable CA bundle: no PEM/,
    ],
    [
      'a CA bundle with a broken certificate',
      { webhookId: 'W1', caPem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' },
      /^options\.caPem is not a usable CA bundle: certificate #1 does not parse/,
    ],
  ])('refuses %s with a message naming the option', (_case, raw, message) => {
    expect(() => parsePaypalOptions(raw as Record<string, unknown> | undefined)).toThrow(message);
  });
});
