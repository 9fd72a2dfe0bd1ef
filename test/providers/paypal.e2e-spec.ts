import { RECEIVERS } from '../../src/receivers/receivers';
import { createPaypalReceiver } from '../../src/receivers/paypal/paypal.receiver';
import {
  fakePaypalFetch,
  paypalHeaders,
  TEST_CERT_URL,
  TEST_WEBHOOK_ID,
} from '../helpers/paypal-delivery';
import { paypalTestPki } from '../helpers/paypal-pki';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { PAYPAL_CAPTURE as fixture } from './cases/paypal';

const URL = '/webhooks/paypal/shop';
const DOWN_CERT_URL = 'https://api.paypal.com/v1/notifications/certs/CERT-host-down';

/**
 * What is PayPal's own: the certificate fetched from PAYPAL-CERT-URL, the allow-list of
 * certificate URLs, and 503 when PayPal cannot be reached. The contract every receiver keeps
 * (the sample event, retries, refusals, the window) is in contract.e2e-spec.ts, row
 * cases/paypal.ts.
 */
describe('PayPal receiver end to end', () => {
  const pki = paypalTestPki();
  // Just after the test certificates were made, so they are valid.
  const clock = new ManualClock(new Date(Date.now() + 60_000));
  const paypal = fakePaypalFetch({
    [`GET ${TEST_CERT_URL}`]: () => new Response(pki.chain, { status: 200 }),
    [`GET ${DOWN_CERT_URL}`]: () => Promise.reject(new TypeError('fetch failed')),
  });
  const signed = (body: Buffer, extra: { certUrl?: string } = {}) =>
    paypalHeaders({ body, keyPem: pki.leafKeyPem, now: clock.now(), ...extra });
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          {
            provider: 'paypal',
            id: 'shop',
            options: { webhookId: TEST_WEBHOOK_ID, caPem: pki.rootPem },
          },
        ],
      }),
      {
        clock,
        receivers: RECEIVERS.map((r) =>
          r.name === 'paypal' ? createPaypalReceiver({ fetch: paypal.fetch }) : r,
        ),
      },
    );
  });
  afterAll(() => t.close());

  it('fetches the signing certificate from PAYPAL-CERT-URL', async () => {
    const res = await postRaw(t, URL, signed(fixture), fixture);
    expect(res.status).toBe(200);
    expect(paypal.calls.map((c) => c.url)).toEqual([TEST_CERT_URL]);
  });

  it('401 for a certificate URL off the allow-list, without fetching it', async () => {
    const before = paypal.calls.length;
    for (const certUrl of [
      'https://api.paypal.com.evil.test/v1/notifications/certs/CERT-1',
      'https://api.paypal.com@evil.test/v1/notifications/certs/CERT-1',
      'http://api.paypal.com/v1/notifications/certs/CERT-1',
    ]) {
      const res = await postRaw(t, URL, signed(fixture, { certUrl }), fixture);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/PAYPAL-CERT-URL is refused/);
    }
    expect(paypal.calls).toHaveLength(before);
  });

  it('503 with Retry-After when PayPal cannot be reached for the certificate', async () => {
    const res = await postRaw(t, URL, signed(fixture, { certUrl: DOWN_CERT_URL }), fixture);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.body.message).toMatch(/Fetching the PayPal signing certificate failed/);
  });
});
