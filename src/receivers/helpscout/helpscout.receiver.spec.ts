import { createHash, createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { helpscoutReceiver as receiver } from './helpscout.receiver';

// The documented scheme, computed here with node:crypto as helpscout-api-php's own test does
// (`tests/Webhooks/IncomingWebhookTest.php` generateSignature: base64 of a raw HMAC-SHA1).
const SECRET = 'asdffdsa'; // the secret of that test
const convo = fixture(__dirname, 'convo-created.json');
const b64 = (body: Buffer, secret = SECRET, algorithm = 'sha1') =>
  createHmac(algorithm, secret).update(body).digest('base64');
const signed = (signature: string, body = convo, event = 'convo.created') =>
  webhookRequest({ 'X-HelpScout-Signature': signature, 'X-HelpScout-Event': event }, body);

describe('Help Scout receiver', () => {
  it('accepts a body signed as Help Scout signs it, under any configured secret', () => {
    expect(verifyWith(receiver, signed(b64(convo)), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(verifyWith(receiver, signed(b64(convo)), ['new-secret', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature header', webhookRequest({ 'X-HelpScout-Event': 'convo.created' }, convo)],
    ['a wrong secret', signed(b64(convo, 'not-the-secret'))],
    [
      'a body changed after signing',
      signed(b64(convo), Buffer.from(convo.toString().replace('349', '350'))),
    ],
    ['a SHA-256 signature', signed(b64(convo, SECRET, 'sha256'))],
    ['a hex digest', signed(createHmac('sha1', SECRET).update(convo).digest('hex'))],
    ['the test of helpscout-api-php with an invalid signature', signed('asdfasdfasdfasdf')],
  ])('refuses %s (401)', (_case, req) => {
    expect(verifyWith(receiver, req, [SECRET])).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('says which header is missing and what did not match', () => {
    const missing = verifyWith(receiver, webhookRequest({}, convo), [SECRET]);
    expect(missing.ok === false && missing.message).toBe('X-HelpScout-Signature is missing.');
    const wrong = verifyWith(receiver, signed(b64(convo, 'x')), [SECRET]);
    expect(wrong.ok === false && wrong.message).toMatch(/secret key/);
  });

  it('normalizes: X-HelpScout-Event as type, a SHA-256 of the body as delivery id', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'convo.created',
      providerDeliveryId: createHash('sha256').update(convo).digest('hex'),
    });
    const test = signed('x', Buffer.from('{"id":123}'), 'helpscout.test');
    expect(normalizeWith(receiver, test).type).toBe('helpscout.test');
  });

  it('refuses a delivery without X-HelpScout-Event (400)', () => {
    const req = webhookRequest({ 'X-HelpScout-Signature': 'x' }, convo);
    expect(() => normalizeWith(receiver, req)).toThrow(
      expect.objectContaining({
        status: 400,
        message: expect.stringContaining('X-HelpScout-Event'),
      }),
    );
  });

  it('takes no options', () => {
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(() => receiver.parseOptions!({ algorithm: 'sha256' })).toThrow(
      /^options\.algorithm is not a Help Scout option/,
    );
  });
});
