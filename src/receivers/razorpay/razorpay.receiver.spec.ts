import { createHmac } from 'node:crypto';
import Razorpay from 'razorpay';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { razorpayReceiver as receiver } from './razorpay.receiver';

// Published vector: razorpay/razorpay-node `test/utils/razorpay-utils.spec.js`.
const VECTOR = {
  secret: '123456',
  body: Buffer.from('{"a":1,"b":2,"c":{"d":3}}'),
  signature: '2fe04e22977002e6c7cb553adab8b460cb9e2a4970d5953cb27a8472752e3bbc',
};
// The documented payment.captured sample (razorpay.com/docs/webhooks/payments, Netbanking).
const captured = fixture(__dirname, 'payment-captured.json');
const SECRET = 'razorpay-webhook-secret';
const hex = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const signed = (signature: string, body = captured, eventId = 'evt_Ju8i7DU6nZs2Pk') =>
  webhookRequest({ 'X-Razorpay-Signature': signature, 'X-Razorpay-Event-Id': eventId }, body);

describe('Razorpay receiver', () => {
  it('accepts the published vector', () => {
    const req = signed(VECTOR.signature, VECTOR.body);
    expect(verifyWith(receiver, req, [VECTOR.secret])).toEqual({ ok: true, secretIndex: 0 });
  });

  it('agrees with the SDK: what razorpay validates is accepted, what it rejects is refused', () => {
    const good = hex(captured);
    const bad = hex(captured, 'another-secret');
    expect(Razorpay.validateWebhookSignature(captured.toString(), good, SECRET)).toBe(true);
    expect(verifyWith(receiver, signed(good), [SECRET])).toMatchObject({ ok: true });
    expect(Razorpay.validateWebhookSignature(captured.toString(), bad, SECRET)).toBe(false);
    expect(verifyWith(receiver, signed(bad), [SECRET])).toMatchObject({ ok: false });
  });

  it('accepts the old secret during rotation', () => {
    expect(verifyWith(receiver, signed(hex(captured)), ['new-secret', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature header', webhookRequest({}, captured), /X-Razorpay-Signature is missing/],
    ['a wrong secret', signed(hex(captured, 'not-the-secret')), /does not match/],
    [
      'a body changed after signing',
      signed(
        hex(captured),
        Buffer.from(captured.toString().replace('"amount": 100', '"amount": 900')),
      ),
      /does not match/,
    ],
    ['a sha256= prefix Razorpay never sends', signed(`sha256=${hex(captured)}`), /does not match/],
    [
      'a base64 digest',
      signed(createHmac('sha256', SECRET).update(captured).digest('base64')),
      /does not match/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes the sample: event as type, x-razorpay-event-id as delivery id', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'payment.captured',
      providerDeliveryId: 'evt_Ju8i7DU6nZs2Pk',
    });
  });

  it('refuses a body without event (400)', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"entity":"event"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"event"') }),
    );
  });

  it('declares a 5 s deadline and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(5_000);
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(() => receiver.parseOptions!({ keySecret: 'x' })).toThrow(
      /^options\.keySecret is not a Razorpay option/,
    );
  });
});
