import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { coinbaseCommerceReceiver as receiver } from './coinbase-commerce.receiver';

// The official SDK (coinbase-commerce-node `lib/Webhook.js`) as signer and verifier. It ships
// no type declarations, hence require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Webhook } = require('coinbase-commerce-node') as {
  Webhook: {
    computeSignature(payload: string, secret: string): string;
    verifySigHeader(payload: string, header: string, secret: string): true;
  };
};
// The SDK's event fixture (`test/Fixtures/event.json`) in the documented webhook envelope
// (docs.cdp.coinbase.com/commerce webhooks fields: id, scheduled_for, attempt_number, event).
const BODY = fixture(__dirname, 'charge-failed.json');
const SECRET = 'coinbase-commerce-shared-secret';
const signed = (signature: string, body: Buffer = BODY) =>
  webhookRequest({ 'X-CC-Webhook-Signature': signature }, body);

describe('Coinbase Commerce receiver', () => {
  it('accepts what the SDK signs, and the SDK accepts it too', () => {
    const signature = Webhook.computeSignature(BODY.toString(), SECRET);
    expect(Webhook.verifySigHeader(BODY.toString(), signature, SECRET)).toBe(true);
    expect(verifyWith(receiver, signed(signature), [SECRET])).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyWith(receiver, signed(signature), ['next', SECRET])).toMatchObject({
      secretIndex: 1,
    });
  });

  it('matches the documented scheme computed with node:crypto', () => {
    const signature = createHmac('sha256', SECRET).update(BODY).digest('hex');
    expect(Webhook.computeSignature(BODY.toString(), SECRET)).toBe(signature);
  });

  it.each([
    ['no X-CC-Webhook-Signature', webhookRequest({}, BODY), /X-CC-Webhook-Signature is missing/],
    ['a wrong secret', signed(Webhook.computeSignature(BODY.toString(), 'wrong')), /shared secret/],
    [
      'a body changed after signing',
      signed(
        Webhook.computeSignature(BODY.toString(), SECRET),
        Buffer.from(BODY.toString().replace('charge:failed', 'charge:confirmed')),
      ),
      /shared secret/,
    ],
    [
      'a sha256= prefix',
      signed(`sha256=${Webhook.computeSignature(BODY.toString(), SECRET)}`),
      /shared secret/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes event.type, event.id and event.created_at', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'charge:failed',
      providerDeliveryId: 'cce71734-b624-49ae-bd31-edd59379cbe5',
      occurredAt: new Date('2018-07-24T07:48:42Z'),
    });
  });

  it('refuses a body without event.type (400) and takes no options', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"id":"1"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('event.type') }),
    );
    expect(() => receiver.parseOptions!({ apiKey: 'k' })).toThrow(
      /^options\.apiKey is not a Coinbase Commerce option/,
    );
  });
});
