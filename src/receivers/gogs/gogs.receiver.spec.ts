import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { gogsReceiver as receiver } from './gogs.receiver';

/*
 * Gogs publishes no vector: its scheme (gogs/gogs `internal/database/webhook.go`: hex
 * HMAC-SHA256 of the JSON payload under the secret) is computed here with node:crypto. The body
 * is the documented push example (gogs `docs/advancing/webhooks.mdx`).
 */
const BODY = fixture(__dirname, 'push.json');
const SECRET = 'gogs-hook-secret';
const DELIVERY = 'f6266f16-1bf3-46a5-9ea4-602e06ead473';
const FORM = 'application/x-www-form-urlencoded';
const hex = (body: Buffer | string, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const headers = (signature: string, event = 'push') => ({
  'X-Gogs-Delivery': DELIVERY,
  'X-Gogs-Event': event,
  'X-Gogs-Signature': signature,
});
/** A form as Go's url.Values.Encode writes it: `payload=` + the query-escaped JSON. */
const form = (json: Buffer) =>
  Buffer.from(`payload=${encodeURIComponent(json.toString()).replace(/%20/g, '+')}`);

describe('Gogs receiver', () => {
  it('accepts X-Gogs-Signature over the JSON body', () => {
    const req = webhookRequest(headers(hex(BODY)), BODY);
    expect(verifyWith(receiver, req, ['next', SECRET])).toEqual({ ok: true, secretIndex: 1 });
  });

  it('in form mode, verifies the JSON in "payload", not the form bytes', () => {
    const body = form(BODY);
    expect(verifyWith(receiver, webhookRequest(headers(hex(BODY)), body, FORM), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(
      verifyWith(receiver, webhookRequest(headers(hex(body)), body, FORM), [SECRET]),
    ).toMatchObject({
      ok: false,
    });
    expect(normalizeWith(receiver, webhookRequest(headers('x'), body, FORM)).type).toBe('push');
  });

  it.each([
    [
      'no secret set (the header is sent empty)',
      webhookRequest(headers(''), BODY),
      /set a secret on the Gogs webhook/,
    ],
    ['a wrong secret', webhookRequest(headers(hex(BODY, 'wrong')), BODY), /does not match/],
    [
      'a body changed after signing',
      webhookRequest(headers(hex(BODY)), Buffer.from(BODY.toString().replace('main', 'evil'))),
      /does not match/,
    ],
    ['a sha256= prefix', webhookRequest(headers(`sha256=${hex(BODY)}`), BODY), /does not match/],
    [
      'a form without payload',
      webhookRequest(headers(hex(BODY)), Buffer.from('data=1'), FORM),
      /no "payload" field/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes X-Gogs-Event (plus the action) and X-Gogs-Delivery', () => {
    expect(normalizeWith(receiver, webhookRequest(headers('x'), BODY))).toEqual({
      type: 'push',
      providerDeliveryId: DELIVERY,
    });
    const issue = Buffer.from('{"action":"opened","number":1}');
    expect(normalizeWith(receiver, webhookRequest(headers('x', 'issues'), issue)).type).toBe(
      'issues.opened',
    );
  });

  it('refuses a delivery without X-Gogs-Event (400)', () => {
    const req = webhookRequest({ 'X-Gogs-Signature': 'x' }, BODY);
    expect(() => normalizeWith(receiver, req)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('X-Gogs-Event') }),
    );
  });

  it('takes JSON and forms, declares 15 s, takes no options', () => {
    expect(receiver.contentTypes).toEqual(['application/json', FORM]);
    expect(receiver.ackDeadlineMs).toBe(15_000);
    expect(() => receiver.parseOptions!({ secret: 'x' })).toThrow(
      /^options\.secret is not a Gogs option/,
    );
  });
});
