import { BRAINTREE_KIND as Kind, braintreeGateway } from '../helpers/braintree-sdk';
import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { send } from './contract-client';

const URL = '/webhooks/braintree/payments';
const NEWEST = { publicKey: 'nextpub', privateKey: 'next-private-key' };
const OLDER = { publicKey: 'pubkey', privateKey: 'private-key' };
const SECRETS = [NEWEST, OLDER].map((p) => `${p.publicKey}:${p.privateKey}`);
const newest = braintreeGateway(NEWEST.publicKey, NEWEST.privateKey);
const older = braintreeGateway(OLDER.publicKey, OLDER.privateKey);
/** A challenge as Braintree sends it: 32 lower-case hex digits. */
const CHALLENGE = '20f9f8ed05f77439fe955c977e4c8a53';

const form = (fields: { bt_signature: string; bt_payload: string }) => ({
  path: URL,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: Buffer.from(new URLSearchParams(fields).toString()),
});

/**
 * What is Braintree's own: the `GET ?bt_challenge=` destination check, answered as the
 * braintree SDK's `webhookNotification.verify` answers it and never stored, and notifications
 * signed by the SDK's `webhookTesting.sampleNotification`, stored with the SDK's kind and
 * timestamp. The contract every receiver keeps is in contract.e2e-spec.ts, row cases/braintree.ts.
 */
describe('Braintree receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=braintree&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'braintree', id: 'payments', secrets: SECRETS }] }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  describe('the bt_challenge handshake', () => {
    it('answers publicKey|digest as the SDK computes it with the newest pair, storing nothing', async () => {
      const before = await storedCount();
      const res = await t.http().get(URL).query({ bt_challenge: CHALLENGE });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toBe(newest.webhookNotification.verify(CHALLENGE));
      expect(res.text).toMatch(/^nextpub\|[0-9a-f]{40}$/);
      expect(res.text).not.toContain(NEWEST.privateKey);
      expect(await storedCount()).toBe(before);
    });

    it('answers the shortest challenge the SDK allows (20 hex digits) too', async () => {
      const short = CHALLENGE.slice(0, 20);
      const res = await t.http().get(URL).query({ bt_challenge: short });
      expect(res.status).toBe(200);
      expect(res.text).toBe(newest.webhookNotification.verify(short));
    });

    it.each([
      ['upper-case hex', CHALLENGE.toUpperCase()],
      ['markup', 'abc<script>alert(1)</script>'],
      ['too short', 'abc123'],
      ['too long', `${CHALLENGE}00`],
      ['empty', ''],
    ])(
      'refuses a challenge that is %s (403), as the SDK does, answering no digest',
      async (_case, challenge) => {
        expect(() => newest.webhookNotification.verify(challenge)).toThrow(/challenge/);
        const before = await storedCount();
        const res = await t.http().get(URL).query({ bt_challenge: challenge });
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          error: 'handshake-refused',
          message: 'bt_challenge must be 20 to 32 lower-case hex digits.',
        });
        expect(res.text).not.toContain('nextpub|');
        expect(await storedCount()).toBe(before);
      },
    );

    it('answers 405 to a GET without bt_challenge, naming POST', async () => {
      const res = await t.http().get(URL).query({ challenge: CHALLENGE });
      expect(res.status).toBe(405);
      expect(res.body.error).toBe('method-not-allowed');
      expect(res.headers.allow).toBe('POST');
    });
  });

  describe('notifications', () => {
    it.each([
      ['the older pair', older, Kind.SubscriptionWentPastDue, 'sub_e2e_1', 'subscription'],
      ['the newest pair', newest, Kind.DisputeOpened, 'dp_e2e_1', 'dispute'],
    ])(
      'stores one signed by the SDK with %s, typed and keyed by what the SDK parses',
      async (_case, gateway, kind, id, subject) => {
        const sample = gateway.webhookTesting.sampleNotification(kind, id);
        const parsed = await gateway.webhookNotification.parse(
          sample.bt_signature,
          sample.bt_payload,
        );
        const res = await send(t, form(sample));
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
        const stored = (await admin(`/deliveries/${res.body.id}`)).body;
        expect(stored).toMatchObject({
          provider: 'braintree',
          endpoint: 'payments',
          type: parsed.kind,
          providerDeliveryId: `${parsed.kind}:${parsed.timestamp}:${id}`,
          occurredAt: new Date(parsed.timestamp).toISOString(),
        });
        expect(stored.payload).toMatchObject({ kind, subject: { [subject]: { id } } });

        // Braintree's retry resends the same form: a duplicate, stored once.
        const again = await send(t, form(sample));
        expect(again.body).toEqual({ id: res.body.id, duplicate: true });
      },
    );

    it('stores two notifications whose subject has no id apart, and a retry once', async () => {
      const sample = older.webhookTesting.sampleNotification(Kind.LocalPaymentReversed, '');
      const xml = Buffer.from(sample.bt_payload, 'base64').toString();
      // Another payment reversed in the same second, signed by the SDK.
      const payload = Buffer.from(xml.replace('a-payment-id', 'other-payment-id')).toString(
        'base64',
      );
      const other = {
        bt_signature: older.webhookTesting.sampleSignature(payload),
        bt_payload: payload,
      };
      const before = await storedCount();
      const first = await send(t, form(sample));
      const second = await send(t, form(other));
      const retry = await send(t, form(other));
      expect([first.body.duplicate, second.body.duplicate, retry.body.duplicate]).toEqual([
        false,
        false,
        true,
      ]);
      expect(second.body.id).not.toBe(first.body.id);
      expect(retry.body.id).toBe(second.body.id);
      expect(await storedCount()).toBe(before + 2);
      const stored = (await admin(`/deliveries/${second.body.id}`)).body;
      expect(stored.type).toBe('local_payment_reversed');
      expect(stored.payload.subject).toEqual({
        'local-payment-reversed': { 'payment-id': 'other-payment-id' },
      });
    });

    it('refuses a signature pair for another public key (401), saying which secret to add', async () => {
      const stranger = braintreeGateway('otherpub', OLDER.privateKey);
      const sample = stranger.webhookTesting.sampleNotification(Kind.Check, '');
      // The SDK holding this endpoint's pair refuses it for the same reason.
      await expect(
        older.webhookNotification.parse(sample.bt_signature, sample.bt_payload),
      ).rejects.toThrow(/no matching public key/);
      const before = await storedCount();
      const res = await send(t, form(sample));
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'signature',
        message:
          'bt_signature names none of the public keys configured for this endpoint: add the "<public key>:<private key>" pair of the gateway that sends these webhooks.',
      });
      expect(await storedCount()).toBe(before);
    });

    it('refuses a known public key signed with another private key (401), quoting no key', async () => {
      const forger = braintreeGateway(OLDER.publicKey, 'guessed-private-key');
      const sample = forger.webhookTesting.sampleNotification(Kind.Check, '');
      await expect(
        older.webhookNotification.parse(sample.bt_signature, sample.bt_payload),
      ).rejects.toThrow(/signature does not match/);
      const res = await send(t, form(sample));
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/^bt_signature does not match bt_payload/);
      const sent = sample.bt_signature.split('|')[1];
      for (const hidden of [OLDER.privateKey, NEWEST.privateKey, sent]) {
        expect(JSON.stringify(res.body)).not.toContain(hidden);
      }
    });
  });
});
