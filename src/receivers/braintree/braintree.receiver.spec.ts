import { HandshakeRefusedError } from '../../errors/webhook-errors';
import {
  BRAINTREE_KIND as Kind,
  braintreeGateway as gatewayFor,
} from '../../../test/helpers/braintree-sdk';
import type { IncomingWebhook } from '../receiver';
import { braintreeReceiver } from './braintree.receiver';

const gateway = gatewayFor('pub_key', 'priv_key');
const SECRETS = ['next_pub:next_priv', 'pub_key:priv_key'];

const post = (form: Record<string, string>): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example/webhooks/braintree/shop',
  query: {},
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  rawBody: Buffer.from(new URLSearchParams(form).toString()),
  contentType: 'application/x-www-form-urlencoded',
});
const get = (query: Record<string, string>): IncomingWebhook => ({
  ...post({}),
  method: 'GET',
  query,
  rawBody: Buffer.alloc(0),
});
const ctx = { secrets: SECRETS, options: {}, now: new Date() };

describe('braintree receiver', () => {
  it('accepts what the SDK signs, and reads what the SDK parses', async () => {
    const sample = gateway.webhookTesting.sampleNotification(Kind.SubscriptionWentPastDue, 'sub_1');
    const req = post(sample);
    expect(braintreeReceiver.verify(req, ctx)).toEqual({ ok: true, secretIndex: 1 });
    const parsed = await gateway.webhookNotification.parse(sample.bt_signature, sample.bt_payload);
    const event = braintreeReceiver.normalize(req, braintreeReceiver.parse(req));
    expect(event).toEqual({
      type: parsed.kind,
      providerDeliveryId: `subscription_went_past_due:${parsed.timestamp}:sub_1`,
      occurredAt: new Date(parsed.timestamp),
    });
  });

  it('tells apart notifications without a subject id by their signed XML', () => {
    const sample = gateway.webhookTesting.sampleNotification(Kind.LocalPaymentCompleted, '');
    const xml = Buffer.from(sample.bt_payload, 'base64').toString();
    expect(xml).toContain('<payment-id>a-payment-id</payment-id>');
    // Another payment completed in the same second, signed by the SDK.
    const other = Buffer.from(xml.replace('a-payment-id', 'other-payment-id')).toString('base64');
    const forms = [
      sample,
      { bt_signature: gateway.webhookTesting.sampleSignature(other), bt_payload: other },
      sample,
    ];
    const ids = forms.map((form) => {
      const req = post(form);
      expect(braintreeReceiver.verify(req, ctx)).toMatchObject({ ok: true });
      return braintreeReceiver.normalize(req, braintreeReceiver.parse(req)).providerDeliveryId;
    });
    const timestamp = /<timestamp[^>]*>([^<]+)</.exec(xml)![1];
    expect(ids[0]).toMatch(new RegExp(`^local_payment_completed:${timestamp}:[0-9a-f]{64}$`));
    expect(ids[1]).not.toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
  });

  it('also accepts a payload sent without the trailing newline it was signed with', async () => {
    const sample = gateway.webhookTesting.sampleNotification(Kind.Check, '');
    const form = { bt_signature: sample.bt_signature, bt_payload: sample.bt_payload.trimEnd() };
    expect(braintreeReceiver.verify(post(form), ctx)).toMatchObject({ ok: true });
    await expect(
      gateway.webhookNotification.parse(form.bt_signature, form.bt_payload),
    ).resolves.toMatchObject({ kind: 'check' });
  });

  it('refuses a changed payload, a foreign key pair, an unknown public key, bad characters', async () => {
    const sample = gateway.webhookTesting.sampleNotification(Kind.DisputeOpened, 'dp_1');
    const changed = Buffer.from(
      Buffer.from(sample.bt_payload, 'base64').toString().replace('dp_1', 'dp_2'),
    ).toString('base64');
    const forged = gatewayFor('pub_key', 'other').webhookTesting.sampleNotification(Kind.Check, '');
    const stranger = gatewayFor('who', 'priv_key').webhookTesting.sampleNotification(
      Kind.Check,
      '',
    );
    const cases: [Record<string, string>, RegExp][] = [
      [{ ...sample, bt_payload: changed }, /does not match/],
      [forged, /does not match/],
      [stranger, /names none of the public keys/],
      [{ ...sample, bt_payload: `${sample.bt_payload}!` }, /characters/],
      [{ bt_payload: sample.bt_payload }, /bt_signature is missing/],
    ];
    for (const [form, message] of cases) {
      expect(braintreeReceiver.verify(post(form), ctx)).toMatchObject({
        ok: false,
        message: expect.stringMatching(message),
      });
    }
    // The SDK agrees on the changed payload.
    await expect(gateway.webhookNotification.parse(sample.bt_signature, changed)).rejects.toThrow();
  });

  it('answers bt_challenge as the SDK does, with the newest key pair', () => {
    const challenge = '20f9f8ed05f77439fe955c977e4c8a53';
    const answer = braintreeReceiver.handshakeBeforeVerify!(get({ bt_challenge: challenge }), {
      ...ctx,
      secrets: ['pub_key:priv_key'],
    });
    expect(answer).toMatchObject({
      status: 200,
      body: gateway.webhookNotification.verify(challenge),
    });
    expect(braintreeReceiver.handshakeBeforeVerify!(get({}), ctx)).toBeUndefined();
    expect(() =>
      braintreeReceiver.handshakeBeforeVerify!(get({ bt_challenge: 'not-hex<script>' }), ctx),
    ).toThrow(HandshakeRefusedError);
  });

  it('refuses a signed payload that is not a notification as malformed', () => {
    const payload = Buffer.from('<other/>').toString('base64');
    const req = post({
      bt_signature: gateway.webhookTesting.sampleSignature(payload),
      bt_payload: payload,
    });
    expect(braintreeReceiver.verify(req, ctx)).toMatchObject({ ok: true });
    expect(() => braintreeReceiver.parse(req)).toThrow(/no <notification>/);
  });

  it('checks secrets: public:private', () => {
    expect(braintreeReceiver.checkSecret!('pub:priv')).toBeUndefined();
    expect(braintreeReceiver.checkSecret!('priv-only')).toMatch(/public key/);
  });
});
