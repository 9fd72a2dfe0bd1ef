import setupIntentCreated from '../../src/receivers/stripe/fixtures/setup-intent-created.json';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { stripeDelivery as delivery } from './cases/stripe';

const SECRET = 'whsec_e2e_current_secret_0123456789';
const OLD_SECRET = 'whsec_e2e_previous_secret_9876543210';
const URL = '/webhooks/stripe/shop';

/**
 * What is Stripe's own: roll headers, v0 signatures, the whsec_ prefix being part of the key,
 * toleranceSeconds: 0, option checks. The contract every receiver keeps (documented event,
 * retries, rotation, refusals) is in contract.e2e-spec.ts, row cases/stripe.ts.
 */
describe('Stripe receiver end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;

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

  describe('rotation', () => {
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
      [
        'with only a v0 (test-mode) signature',
        (h: Record<string, string>) => ({
          ...h,
          'stripe-signature': h['stripe-signature'].replace('v1=', 'v0='),
        }),
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
