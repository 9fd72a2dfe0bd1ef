import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import contactCreated from '../../src/receivers/standard-webhooks/fixtures/contact-created.json';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { standardWebhooksHeaders as signedHeaders } from './cases/standard-webhooks';

const NEW_SECRET = 'whsec_' + randomBytes(32).toString('base64');
const OLD_SECRET = 'whsec_' + randomBytes(24).toString('base64');
const URL = '/webhooks/standard-webhooks/acme';

// The published vector (standardwebhooks test suites, Svix docs).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

/**
 * What is Standard Webhooks' own: the svix alias and svix-* headers, the published vector, a
 * header with several signatures, the webhook-id being signed, toleranceSeconds. The contract
 * every receiver keeps is in contract.e2e-spec.ts, row cases/standard-webhooks.ts.
 */
describe('Standard Webhooks receiver end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;
  const body = Buffer.from(JSON.stringify(contactCreated));
  const detail = (id: string) =>
    t.http().get(`/admin/deliveries/${id}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'standard-webhooks', id: 'acme', secrets: [NEW_SECRET, OLD_SECRET] },
          { provider: 'svix', id: 'resend', secrets: [NEW_SECRET] },
          { provider: 'standard-webhooks', id: 'vector', secrets: [VECTOR.secret] },
          {
            provider: 'standard-webhooks',
            id: 'lenient',
            secrets: [NEW_SECRET],
            options: { toleranceSeconds: 0 },
          },
        ],
      }),
      { clock },
    );
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(new Date('2026-11-27T12:00:00Z')));

  it('accepts svix-* headers on the svix alias and stores the canonical provider name', async () => {
    const headers = signedHeaders(NEW_SECRET, body, clock.now(), 'msg_svix_1', 'svix');
    const res = await postRaw(t, '/webhooks/svix/resend', headers, body);
    expect(res.status).toBe(200);
    expect((await detail(res.body.id)).body).toMatchObject({
      provider: 'standard-webhooks',
      endpoint: 'resend',
      type: 'contact.created',
      providerDeliveryId: 'msg_svix_1',
    });
  });

  it('verifies the published vector through the app (it has no "type", so 400, not 401)', async () => {
    clock.set(new Date(Number(VECTOR.timestamp) * 1000));
    const headers = {
      'content-type': 'application/json',
      'webhook-id': VECTOR.id,
      'webhook-timestamp': VECTOR.timestamp,
      'webhook-signature': VECTOR.signature,
    };
    const res = await postRaw(t, '/webhooks/standard-webhooks/vector', headers, VECTOR.body);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('malformed');
    const tampered = await postRaw(
      t,
      '/webhooks/standard-webhooks/vector',
      headers,
      '{"test": 2432232315}',
    );
    expect(tampered.status).toBe(401);
  });

  describe('rotation', () => {
    it('accepts a header carrying a stale key signature and a current one', async () => {
      const headers = signedHeaders(NEW_SECRET, body, clock.now());
      const unknownKey = 'whsec_' + randomBytes(32).toString('base64');
      const other = new Webhook(unknownKey).sign(headers['webhook-id'], clock.now(), body);
      headers['webhook-signature'] = `${other} ${headers['webhook-signature']}`;
      expect((await postRaw(t, URL, headers, body)).status).toBe(200);
    });
  });

  describe('refusals', () => {
    const signed = () => signedHeaders(NEW_SECRET, body, clock.now());

    it.each([
      ['without a webhook-id', (h: Record<string, string>) => ({ ...h, 'webhook-id': '' })],
      [
        'signed for another message id',
        (h: Record<string, string>) => ({ ...h, 'webhook-id': 'msg_other' }),
      ],
    ])('401 %s', async (_case, mutate) => {
      const res = await postRaw(t, URL, mutate(signed()), body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(NEW_SECRET.slice(6));
    });

    it('accepts an old timestamp on an endpoint with toleranceSeconds: 0', async () => {
      const old = signedHeaders(NEW_SECRET, body, new Date('2020-01-01T00:00:00Z'));
      expect((await postRaw(t, '/webhooks/standard-webhooks/lenient', old, body)).status).toBe(200);
      expect((await postRaw(t, URL, old, body)).status).toBe(401);
    });
  });

  it('refuses a bad toleranceSeconds at start-up, naming the endpoint and the option', async () => {
    const config = testConfig({
      endpoints: [
        { provider: 'svix', id: 'x', secrets: [NEW_SECRET], options: { toleranceSeconds: -5 } },
      ],
    });
    await expect(createTestApp(config)).rejects.toThrow(
      /endpoints\[0\]\.options\.toleranceSeconds must be/,
    );
  });
});
