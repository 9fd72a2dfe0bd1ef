import Stripe from 'stripe';
import setupIntentCreated from '../../src/receivers/stripe/fixtures/setup-intent-created.json';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';

const SECRET = 'whsec_e2e_current_secret_0123456789';
const OLD_SECRET = 'whsec_e2e_previous_secret_9876543210';
const URL = '/webhooks/stripe/shop';
const stripe = new Stripe('sk_test_x');

/** Stripe's wire format: pretty-printed JSON, signed by stripe-node's own test signer. */
function delivery(
  event: object,
  secret: string,
  at: Date,
): { body: Buffer; headers: Record<string, string> } {
  const payload = JSON.stringify(event, null, 2);
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    body: Buffer.from(payload),
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
    },
  };
}

describe('Stripe receiver end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;
  const detail = (id: string) =>
    t.http().get(`/admin/deliveries/${id}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'stripe', id: 'shop', secrets: [SECRET, OLD_SECRET] },
          {
            provider: 'stripe',
            id: 'offline',
            secrets: [SECRET],
            options: { toleranceSeconds: 0 },
          },
        ],
      }),
      { clock },
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(new Date('2026-11-27T12:00:00Z')));

  it('accepts the documented event, with type, evt_ id and occurredAt from the body', async () => {
    const { body, headers } = delivery(setupIntentCreated, SECRET, clock.now());
    const res = await postRaw(t, URL, headers, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
    const stored = await detail(res.body.id);
    expect(stored.body).toMatchObject({
      provider: 'stripe',
      endpoint: 'shop',
      type: 'setup_intent.created',
      providerDeliveryId: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
    });
    expect(stored.body.payload).toEqual(setupIntentCreated);
  });

  it('stores a retry of the same evt_ once, although Stripe re-signs it with a new t=', async () => {
    const event = { ...setupIntentCreated, id: 'evt_retry_1', type: 'invoice.paid' };
    const first = delivery(event, SECRET, clock.now());
    clock.advance(5 * 60_000);
    const retry = delivery(event, SECRET, clock.now());
    const a = await postRaw(t, URL, first.headers, first.body);
    const b = await postRaw(t, URL, retry.headers, retry.body);
    expect(a.body.duplicate).toBe(false);
    expect(b.status).toBe(200);
    expect(b.body).toEqual({ id: a.body.id, duplicate: true });
  });

  describe('rotation', () => {
    it('accepts an event signed only with the old secret', async () => {
      const { body, headers } = delivery(
        { ...setupIntentCreated, id: 'evt_old_secret' },
        OLD_SECRET,
        clock.now(),
      );
      expect((await postRaw(t, URL, headers, body)).status).toBe(200);
    });

    it('accepts a roll header with one v1 per secret, the first from a secret we never had', async () => {
      const event = { ...setupIntentCreated, id: 'evt_roll' };
      const unknown = delivery(event, 'whsec_some_other_endpoint', clock.now());
      const ours = delivery(event, SECRET, clock.now());
      const v1 = ours.headers['stripe-signature'].split(',')[1];
      const headers = {
        ...unknown.headers,
        'stripe-signature': `${unknown.headers['stripe-signature']},${v1}`,
      };
      expect((await postRaw(t, URL, headers, ours.body)).status).toBe(200);
    });
  });

  describe('refusals', () => {
    const event = { ...setupIntentCreated, id: 'evt_refused' };

    it.each([
      ['unsigned', (h: Record<string, string>) => ({ ...h, 'stripe-signature': '' })],
      [
        'with only a v0 (test-mode) signature',
        (h: Record<string, string>) => ({
          ...h,
          'stripe-signature': h['stripe-signature'].replace('v1=', 'v0='),
        }),
      ],
      [
        "signed with another endpoint's secret",
        () => delivery(event, 'whsec_not_ours', clock.now()).headers,
      ],
      [
        'signed with the secret minus its whsec_ prefix',
        () => delivery(event, SECRET.slice(6), clock.now()).headers,
      ],
    ])('401 %s', async (_case, mutate) => {
      const { body, headers } = delivery(event, SECRET, clock.now());
      const res = await postRaw(t, URL, mutate(headers), body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('401 for a re-serialized body (parsed and stringified again)', async () => {
      const { body, headers } = delivery(event, SECRET, clock.now());
      const compact = Buffer.from(JSON.stringify(JSON.parse(body.toString())));
      expect((await postRaw(t, URL, headers, compact)).status).toBe(401);
    });

    it('401 stale-timestamp 6 minutes after signing, and 6 minutes before', async () => {
      const late = delivery(event, SECRET, new Date(clock.now().getTime() - 6 * 60_000));
      const early = delivery(event, SECRET, new Date(clock.now().getTime() + 6 * 60_000));
      for (const { body, headers } of [late, early]) {
        const res = await postRaw(t, URL, headers, body);
        expect(res.status).toBe(401);
        expect(res.body.error).toBe('stale-timestamp');
      }
    });

    it('accepts a days-old event on an endpoint with toleranceSeconds: 0 (e.g. re-sent from a log)', async () => {
      const old = delivery(
        { ...event, id: 'evt_offline' },
        SECRET,
        new Date('2026-11-20T12:00:00Z'),
      );
      expect((await postRaw(t, '/webhooks/stripe/offline', old.headers, old.body)).status).toBe(
        200,
      );
      expect((await postRaw(t, URL, old.headers, old.body)).status).toBe(401);
    });

    it('415 for a form-encoded body', async () => {
      const { body, headers } = delivery(event, SECRET, clock.now());
      const res = await postRaw(
        t,
        URL,
        { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      );
      expect(res.status).toBe(415);
    });

    it('400 for a signed body that is not JSON, or lacks id or type', async () => {
      for (const bad of ['{"id":', '{"type":"charge.succeeded"}', '{"id":"evt_no_type"}']) {
        const timestamp = Math.floor(clock.now().getTime() / 1000);
        const header = stripe.webhooks.generateTestHeaderString({
          payload: bad,
          secret: SECRET,
          timestamp,
        });
        const res = await postRaw(
          t,
          URL,
          { 'content-type': 'application/json', 'stripe-signature': header },
          bad,
        );
        expect(res.status).toBe(400);
        expect(res.body.error).toBe('malformed');
      }
    });
  });

  it('refuses an unknown option at start-up, naming it', async () => {
    const config = testConfig({
      endpoints: [{ provider: 'stripe', id: 'x', secrets: [SECRET], options: { tolerance: 300 } }],
    });
    await expect(createTestApp(config)).rejects.toThrow(
      /endpoints\[0\]\.options\.tolerance is not a Stripe option/,
    );
  });
});
