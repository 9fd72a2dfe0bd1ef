import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECEIVERS } from '../../src/receivers/receivers';
import { createPaypalReceiver } from '../../src/receivers/paypal/paypal.receiver';
import {
  fakePaypalFetch,
  paypalHeaders,
  TEST_CERT_URL,
  TEST_WEBHOOK_ID,
} from '../helpers/paypal-delivery';
import { paypalTestPki } from '../helpers/paypal-pki';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';

const URL = '/webhooks/paypal/shop';
const DOWN_CERT_URL = 'https://api.paypal.com/v1/notifications/certs/CERT-host-down';
const fixture = readFileSync(
  join(__dirname, '../../src/receivers/paypal/fixtures/payment-capture-completed.json'),
);

describe('PayPal receiver end to end', () => {
  const pki = paypalTestPki();
  // Just after the test certificates were made, so they are valid; the test moves it by hand.
  const clock = new ManualClock(new Date(Date.now() + 60_000));
  const paypal = fakePaypalFetch({
    [`GET ${TEST_CERT_URL}`]: () => new Response(pki.chain, { status: 200 }),
    [`GET ${DOWN_CERT_URL}`]: () => Promise.reject(new TypeError('fetch failed')),
  });
  const signed = (
    body: Buffer,
    extra: { transmissionId?: string; certUrl?: string; keyPem?: string } = {},
  ) => paypalHeaders({ body, keyPem: pki.leafKeyPem, now: clock.now(), ...extra });
  const admin = (path: string) => t.http().get(path).set('authorization', `Bearer ${ADMIN_TOKEN}`);
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

  it("accepts PayPal's sample PAYMENT.CAPTURE.COMPLETED and shows its type and event id", async () => {
    const res = await postRaw(t, URL, signed(fixture), fixture);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), duplicate: false });

    const detail = await admin(`/admin/deliveries/${res.body.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      provider: 'paypal',
      endpoint: 'shop',
      type: 'PAYMENT.CAPTURE.COMPLETED',
      providerDeliveryId: 'WH-58D329510W468432D-8HN650336L201105X',
    });
    expect(detail.body.payload).toEqual(JSON.parse(fixture.toString()));
    expect(paypal.calls.map((c) => c.url)).toEqual([TEST_CERT_URL]);
  });

  it('answers a retry of the same event (a new transmission) with duplicate: true', async () => {
    const body = Buffer.from(
      JSON.stringify({
        id: 'WH-RETRY-0001',
        event_type: 'PAYMENT.CAPTURE.DENIED',
        create_time: '2026-11-27T12:00:00Z',
      }),
    );
    const first = await postRaw(t, URL, signed(body, { transmissionId: 'tx-attempt-1' }), body);
    clock.advance(60_000);
    const retry = await postRaw(t, URL, signed(body, { transmissionId: 'tx-attempt-2' }), body);
    expect(first.status).toBe(200);
    expect(first.body.duplicate).toBe(false);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ id: first.body.id, duplicate: true });
  });

  it("401 for a signature made with a key that is not the certificate's", async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const res = await postRaw(t, URL, signed(fixture, { keyPem }), fixture);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: 'signature',
      message: expect.stringMatching(/does not match/),
    });
  });

  it('401 for a tampered body', async () => {
    const headers = signed(fixture);
    const res = await postRaw(
      t,
      URL,
      headers,
      Buffer.from(fixture.toString().replace('2.51', '25.10')),
    );
    expect(res.status).toBe(401);
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

  it('401 stale-timestamp for a transmission outside the window', async () => {
    const headers = signed(fixture);
    clock.advance(10 * 60_000);
    const res = await postRaw(t, URL, headers, fixture);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('stale-timestamp');
  });

  it('400 for a correctly signed body that is not JSON, or has no event_type', async () => {
    const garbage = Buffer.from('{"id":"WH-1",');
    const res = await postRaw(t, URL, signed(garbage), garbage);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('malformed');

    const untyped = Buffer.from('{"id":"WH-2"}');
    const res2 = await postRaw(t, URL, signed(untyped), untyped);
    expect(res2.status).toBe(400);
    expect(res2.body.message).toMatch(/event_type/);
  });

  it('415 for a content type other than JSON', async () => {
    const res = await postRaw(
      t,
      URL,
      { ...signed(fixture), 'content-type': 'text/plain' },
      fixture,
    );
    expect(res.status).toBe(415);
    expect(res.body.error).toBe('unsupported-media-type');
  });

  it('503 with Retry-After when PayPal cannot be reached for the certificate', async () => {
    const res = await postRaw(t, URL, signed(fixture, { certUrl: DOWN_CERT_URL }), fixture);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('60');
    expect(res.body.message).toMatch(/Fetching the PayPal signing certificate failed/);
  });
});
