import { createHmac } from 'node:crypto';
import type { ReceiverContext } from '../receiver';
import {
  fixture,
  normalizeWith,
  NOW,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { woocommerceReceiver as receiver } from './woocommerce.receiver';

// The scheme of WC_Webhook::generate_signature computed with node:crypto: base64 of a raw
// HMAC-SHA256 of the JSON body. WooCommerce publishes no vector and has no Node verifier.
const SECRET = 'wc-webhook-secret-Xj3#9';
const order = fixture(__dirname, 'order-created.json'); // the REST API docs' order example
const b64 = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');
const signed = (signature: string, body = order) =>
  webhookRequest(
    {
      'X-WC-Webhook-Signature': signature,
      'X-WC-Webhook-Topic': 'order.created',
      'X-WC-Webhook-Delivery-ID': '2f8bd1c7e4a3b2c1d0e9f8a7b6c5d4e3',
    },
    body,
  );
const form = (body: string) =>
  webhookRequest({}, Buffer.from(body), 'application/x-www-form-urlencoded');
const ctx: ReceiverContext<object> = { secrets: [SECRET], options: {}, now: NOW };

describe('WooCommerce receiver', () => {
  it('accepts the base64 HMAC-SHA256 of the body under any configured secret', () => {
    expect(verifyWith(receiver, signed(b64(order)), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(verifyWith(receiver, signed(b64(order)), ['new', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature header', webhookRequest({}, order), /X-WC-Webhook-Signature is missing/],
    ['a wrong secret', signed(b64(order, 'nope')), /webhook secret/],
    [
      'a body changed after signing',
      signed(b64(order), Buffer.from(order.toString().replace('29.35', '0.01'))),
      /webhook secret/,
    ],
    ['a hex digest', signed(createHmac('sha256', SECRET).update(order).digest('hex')), /secret/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it("answers WooCommerce's creation ping (webhook_id=N, unsigned form) 200", () => {
    expect(receiver.methods).toEqual(['POST']);
    expect(receiver.handshakeBeforeVerify!(form('webhook_id=42'), ctx)).toEqual({ status: 200 });
  });

  it.each([
    ['a JSON delivery', signed(b64(order))],
    ['another form field', form('webhook_id=42&topic=order.created')],
    ['a non-numeric id', form('webhook_id=abc')],
    ['the ping text sent as JSON', webhookRequest({}, Buffer.from('webhook_id=42'))],
  ])('treats %s as no ping: it goes on to verification', (_case, req) => {
    expect(receiver.handshakeBeforeVerify!(req, ctx)).toBeUndefined();
  });

  it('refuses a signed form body at parse (400): deliveries are JSON', () => {
    const body = Buffer.from('topic=order.created');
    const req = webhookRequest({}, body, 'application/x-www-form-urlencoded');
    expect(() => receiver.parse(req)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('normalizes: X-WC-Webhook-Topic as type, X-WC-Webhook-Delivery-ID as delivery id', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'order.created',
      providerDeliveryId: '2f8bd1c7e4a3b2c1d0e9f8a7b6c5d4e3',
    });
  });

  it('refuses a delivery without X-WC-Webhook-Topic (400)', () => {
    const req = webhookRequest({ 'X-WC-Webhook-Signature': 'x' }, order);
    expect(() => normalizeWith(receiver, req)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('Topic') }),
    );
  });

  it('declares a 60 s deadline and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(60_000);
    expect(() => receiver.parseOptions!({ algorithm: 'sha1' })).toThrow(
      /^options\.algorithm is not a WooCommerce option/,
    );
  });
});

describe('WooCommerce secret', () => {
  // The key WooCommerce signs with is wp_specialchars_decode(secret, ENT_QUOTES): written out
  // here by hand for each entity WordPress decodes.
  it.each([
    ['a&amp;b', 'a&b'],
    ['&lt;&gt;&quot;', '<>"'],
    ['&#039;&#39;&#x27;&#X27;', "''''"],
    ['&#0038;&#x26;&#60;&#062;&#34;&#x22;', '&&<>""'],
    ['&amp;amp;', '&amp;'], // one pass, as strtr does
    ['&nbsp;&eacute;&AMP;&#65;', '&nbsp;&eacute;&AMP;&#65;'], // not decoded by WordPress
    ['plain-secret', 'plain-secret'],
  ])('keys a delivery signed under %s with %s', (secret, key) => {
    const body = fixture(__dirname, 'order-created.json');
    const signature = createHmac('sha256', key).update(body).digest('base64');
    const req = webhookRequest({ 'X-WC-Webhook-Signature': signature }, body);
    expect(verifyWith(receiver, req, ['other', secret])).toEqual({ ok: true, secretIndex: 1 });
  });
});
