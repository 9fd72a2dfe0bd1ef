import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { adminGet } from './contract-client';

/**
 * A `provider: hmac` endpoint that describes a `t=…,v1=…` list header (Stripe's scheme, signed
 * here by the stripe SDK), with a body-hash de-duplication key and the event time from the body.
 */
const SECRET = 'whsec_generic_list_e2e';
const clock = new ManualClock();
const URL = '/webhooks/hmac/billing';
const BILLING = {
  provider: 'hmac',
  id: 'billing',
  secrets: [SECRET],
  options: {
    header: 'Stripe-Signature',
    signatureKey: 'v1',
    timestampFrom: 'signature:t',
    signedContent: '{timestamp}.{body}',
    idFrom: 'body-hash',
    typeFrom: 'body:type',
    occurredAtFrom: 'body:created_at',
  },
};

const stripe = new Stripe('sk_test_unused');
const body = (n: number) =>
  Buffer.from(JSON.stringify({ type: 'invoice.paid', n, created_at: '2026-11-27T11:59:00Z' }));
const headers = (payload: Buffer, secret = SECRET) => ({
  'content-type': 'application/json',
  'stripe-signature': stripe.webhooks.generateTestHeaderString({
    payload: payload.toString(),
    secret,
    timestamp: Math.floor(clock.now().getTime() / 1000),
  }),
});

describe('Generic hmac provider with a signature list, end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(testConfig({ endpoints: [BILLING] }), { clock });
  });
  afterAll(() => t.close());

  it('accepts a stripe-signed delivery; id is the body hash, time from the body', async () => {
    const payload = body(1);
    const res = await postRaw(t, URL, headers(payload), payload);
    expect(res.status).toBe(200);
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      type: 'invoice.paid',
      providerDeliveryId: createHash('sha256').update(payload).digest('hex'),
      occurredAt: '2026-11-27T11:59:00.000Z',
    });
  });

  it('stores the same body once, even signed again later', async () => {
    const payload = body(2);
    const first = await postRaw(t, URL, headers(payload), payload);
    clock.advance(5_000);
    const again = await postRaw(t, URL, headers(payload), payload);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
  });

  it('401 for another secret or a tampered body', async () => {
    const payload = body(3);
    expect((await postRaw(t, URL, headers(payload, 'whsec_other'), payload)).status).toBe(401);
    const tampered = await postRaw(t, URL, headers(payload), body(4));
    expect(tampered.status).toBe(401);
  });

  it('refuses an options block with a bad list at start-up, naming the field', async () => {
    const bad = { ...BILLING, options: { ...BILLING.options, timestampFrom: 'signature:t t' } };
    await expect(createTestApp(testConfig({ endpoints: [bad] }))).rejects.toThrow(
      'endpoints[0].options.timestampFrom "signature:KEY" needs a field name',
    );
  });
});
