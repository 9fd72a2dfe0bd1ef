import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { vercelReceiver as receiver } from './vercel.receiver';

/*
 * Vercel publishes no vector and its SDK has no verifier: the scheme (`x-vercel-signature: <hex
 * HMAC-SHA1 of the body>`) is computed here with node:crypto. The body follows the keys of
 * Vercel's Webhooks API reference for deployment events, with made-up ids.
 */
const BODY = fixture(__dirname, 'deployment-succeeded.json');
const SECRET = 'vercel-webhook-secret';
const sha1 = (body: Buffer, secret = SECRET) =>
  createHmac('sha1', secret).update(body).digest('hex');
const signed = (signature: string, body: Buffer = BODY) =>
  webhookRequest({ 'x-vercel-signature': signature }, body);

describe('Vercel receiver', () => {
  it('accepts a hex HMAC-SHA1 of the body, under any configured secret', () => {
    expect(verifyWith(receiver, signed(sha1(BODY)), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(
      verifyWith(receiver, signed(sha1(BODY).toUpperCase()), ['client-secret', SECRET]),
    ).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no x-vercel-signature', webhookRequest({}, BODY), /x-vercel-signature is missing/],
    ['a wrong secret', signed(sha1(BODY, 'wrong')), /does not match/],
    [
      'a body changed after signing',
      signed(sha1(BODY), Buffer.from(BODY.toString().replace('production', 'preview'))),
      /does not match/,
    ],
    ['a sha1= prefix', signed(`sha1=${sha1(BODY)}`), /does not match/],
    [
      'an HMAC-SHA256',
      signed(createHmac('sha256', SECRET).update(BODY).digest('hex')),
      /does not match/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes type and id', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'deployment.succeeded',
      providerDeliveryId: 'uOVvlgyHxJ8vF5eHt0ESwwTZ',
    });
  });

  it('refuses a body without type (400) and takes no options', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"id":"1"}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => receiver.parseOptions!({ teamId: 't' })).toThrow(
      /^options\.teamId is not a Vercel option/,
    );
  });
});
