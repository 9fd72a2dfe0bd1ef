import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { intercomReceiver as receiver } from './intercom.receiver';

/*
 * Intercom publishes no vector and no verifier: the scheme independent verifiers agree on
 * (`X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>` under the app's client_secret) is
 * computed here with node:crypto. The bodies follow Intercom's documented notification
 * envelope (developers.intercom.com webhook models), with made-up ids.
 */
const NOTIFICATION = fixture(__dirname, 'conversation-user-created.json');
const PING = fixture(__dirname, 'ping.json');
const SECRET = 'intercom-app-client-secret';
const sha1 = (body: Buffer, secret = SECRET) =>
  `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`;
const signed = (signature: string, body: Buffer = NOTIFICATION) =>
  webhookRequest({ 'X-Hub-Signature': signature }, body);

describe('Intercom receiver', () => {
  it('accepts X-Hub-Signature: sha1=<hex HMAC-SHA1> (non-ASCII body included)', () => {
    expect(NOTIFICATION.toString()).toContain('Ana Pérez');
    expect(verifyWith(receiver, signed(sha1(NOTIFICATION)), ['rotated', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no X-Hub-Signature', webhookRequest({}, NOTIFICATION), /X-Hub-Signature is missing/],
    ['a wrong secret', signed(sha1(NOTIFICATION, 'wrong')), /client secret/],
    [
      'a body changed after signing',
      signed(sha1(NOTIFICATION), Buffer.from(NOTIFICATION.toString().replace('open', 'shut'))),
      /client secret/,
    ],
    [
      'a GitHub-style sha256= signature',
      signed(`sha256=${createHmac('sha256', SECRET).update(NOTIFICATION).digest('hex')}`),
      /client secret/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes topic and id; the setup ping is stored as "ping" without an id', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'conversation.user.created',
      providerDeliveryId: 'notif_5c2d5a8e-3c1b-4f0e-9a43-0b4f7b3e1c11',
    });
    expect(normalizeWith(receiver, signed('x', PING))).toEqual({ type: 'ping' });
  });

  it('refuses a notification without topic (400) and takes no options', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"id":"notif_1"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"topic"') }),
    );
    expect(() => receiver.parseOptions!({ appId: 'a' })).toThrow(
      /^options\.appId is not a Intercom option/,
    );
  });
});
