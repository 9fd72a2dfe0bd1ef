import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { workosReceiver as receiver } from './workos.receiver';

// workos/workos-node `src/webhooks/fixtures/webhook.json`, byte for byte.
const USER_CREATED = fixture(__dirname, 'dsync-user-created.json');
const SECRET = 'workos-webhook-secret';
const T = String(NOW.getTime()); // milliseconds

/**
 * Signed as workos-node's spec signs (`webhooks.spec.ts`): hex HMAC-SHA256 of `t.body` with
 * node:crypto, sent as `t=<ms>, v1=<hex>`.
 */
const v1 = (t: string, body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
const signed = (header: string, body = USER_CREATED) =>
  webhookRequest({ 'WorkOS-Signature': header }, body);
const verify = (req: IncomingWebhook, secrets = [SECRET], options = {}) =>
  receiver.verify(req, { secrets, options, now: NOW }) as VerifyResult;

describe('WorkOS receiver', () => {
  it.each([
    ['with a space after the comma', `t=${T}, v1=${v1(T, USER_CREATED)}`],
    ['without the space', `t=${T},v1=${v1(T, USER_CREATED)}`],
  ])('accepts a signature %s', (_case, header) => {
    expect(verify(signed(header))).toEqual({ ok: true, secretIndex: 0 });
  });

  it.each([
    ['an empty v1', signed(`t=${T}, v1=`), /no "v1" signature/],
    ['an incorrect v1', signed(`t=${T}, v1=99999`), /does not match/],
    ['a wrong secret', signed(`t=${T}, v1=${v1(T, USER_CREATED, 'invalid')}`), /does not match/],
    [
      'an incorrect payload',
      signed(`t=${T}, v1=${v1(T, USER_CREATED)}`, Buffer.from('invalid')),
      /does not match/,
    ],
    ['t in seconds', signed(`t=${T.slice(0, -3)}, v1=${v1(T.slice(0, -3), USER_CREATED)}`), /old/],
    ['no header', webhookRequest({}, USER_CREATED), /WorkOS-Signature is missing/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verify(req);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([
    ['181 s old', -181_000, /181s old/],
    ['181 s in the future', 181_000, /181s in the future/],
  ])('refuses a genuine signature %s (180 s window)', (_case, shift, message) => {
    const t = String(NOW.getTime() + shift);
    expect(verify(signed(`t=${t}, v1=${v1(t, USER_CREATED)}`))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
      message: expect.stringMatching(message),
    });
  });

  it('takes a wider window from toleranceSeconds', () => {
    const t = String(NOW.getTime() - 200_000);
    const req = signed(`t=${t}, v1=${v1(t, USER_CREATED)}`);
    expect(verify(req, [SECRET], receiver.parseOptions!({ toleranceSeconds: 300 }))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('normalizes event and id as workos-node reads them', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'dsync.user.created',
      providerDeliveryId: 'wh_123',
    });
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"id":"wh_1"}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
