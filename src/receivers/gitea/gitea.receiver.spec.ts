import { createHmac } from 'node:crypto';
import { findReceiver } from '../receivers';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { giteaReceiver as receiver } from './gitea.receiver';

/*
 * Gitea publishes no vector: its scheme (go-gitea/gitea `services/webhook/deliver.go`: hex
 * HMAC-SHA256 of PayloadContent, for JSON and form hooks alike) is computed here with
 * node:crypto. The body is the documented push example (docs.gitea.com/features/webhooks),
 * without the `secret` field Gitea 1.14 removed.
 */
const BODY = fixture(__dirname, 'push.json');
const SECRET = 'gitea-hook-secret';
const DELIVERY = 'f6266f16-1bf3-46a5-9ea4-602e06ead473';
const FORM = 'application/x-www-form-urlencoded';
const hex = (body: Buffer | string, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const headers = (signature: string, event = 'push') => ({
  'X-Gitea-Delivery': DELIVERY,
  'X-Gitea-Event': event,
  'X-Gitea-Event-Type': event,
  'X-Gitea-Signature': signature,
  'X-Hub-Signature-256': `sha256=${signature}`,
});
/** Go's url.Values{"payload": …}.Encode(): the JSON query-escaped, spaces as `+`. */
const field = (json: string) => encodeURIComponent(json).replace(/%20/g, '+');
const form = (body: string) => (signature: string) =>
  webhookRequest(headers(signature), Buffer.from(body), FORM);

describe('Gitea receiver', () => {
  it('accepts X-Gitea-Signature (no prefix) over the JSON body', () => {
    expect(verifyWith(receiver, webhookRequest(headers(hex(BODY)), BODY), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  describe('form mode', () => {
    const encoded = form(`payload=${field(BODY.toString())}`);

    it('verifies the JSON in "payload", as deliver.go signs it, and parses that JSON', () => {
      expect(verifyWith(receiver, encoded(hex(BODY)), ['next', SECRET])).toEqual({
        ok: true,
        secretIndex: 1,
      });
      expect(receiver.parse(encoded('x'))).toEqual(JSON.parse(BODY.toString()));
    });

    it('refuses a signature over the encoded form bytes', () => {
      const bytes = Buffer.from(`payload=${field(BODY.toString())}`);
      expect(verifyWith(receiver, encoded(hex(bytes)), [SECRET])).toMatchObject({ ok: false });
    });

    it.each([
      ['no payload field', form('data=1'), /no "payload" field/],
      [
        'two payload fields, one signed',
        form(`payload=${field('{}')}&payload=${field('{"a":1}')}`),
        /more than one "payload"/,
      ],
      [
        'a form that is not UTF-8',
        (s: string) => webhookRequest(headers(s), Buffer.from([0x70, 0x3d, 0xff]), FORM),
        /not valid UTF-8/,
      ],
    ])('refuses %s (401), and parsing it is a 400', (_case, make, message) => {
      const req = make(hex('{}'));
      const result = verifyWith(receiver, req, [SECRET]);
      expect(result).toMatchObject({ ok: false, reason: 'signature' });
      expect(result.ok === false && result.message).toMatch(message);
      expect(() => receiver.parse(req)).toThrow(expect.objectContaining({ status: 400 }));
    });

    it('refuses a signed payload that is not JSON at parse (400)', () => {
      const req = form(`payload=${field('{"ref":')}`)(hex('{"ref":'));
      expect(verifyWith(receiver, req, [SECRET])).toMatchObject({ ok: true });
      expect(() => receiver.parse(req)).toThrow(expect.objectContaining({ status: 400 }));
    });
  });

  it.each([
    [
      'no secret set (the header is sent empty)',
      webhookRequest(headers(''), BODY),
      /set a secret on the webhook/,
    ],
    ['a wrong secret', webhookRequest(headers(hex(BODY, 'wrong')), BODY), /does not match/],
    [
      'a body changed after signing',
      webhookRequest(headers(hex(BODY)), Buffer.from(BODY.toString().replace('develop', 'main'))),
      /does not match/,
    ],
    [
      'a sha256= prefix on X-Gitea-Signature',
      webhookRequest(headers(`sha256=${hex(BODY)}`), BODY),
      /does not match/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes X-Gitea-Event (plus the action) and X-Gitea-Delivery', () => {
    expect(normalizeWith(receiver, webhookRequest(headers('x'), BODY))).toEqual({
      type: 'push',
      providerDeliveryId: DELIVERY,
    });
    const pr = Buffer.from('{"action":"opened","number":2}');
    expect(normalizeWith(receiver, webhookRequest(headers('x', 'pull_request'), pr)).type).toBe(
      'pull_request.opened',
    );
  });

  it('refuses a delivery without X-Gitea-Event (400)', () => {
    expect(() => normalizeWith(receiver, webhookRequest({}, BODY))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('X-Gitea-Event') }),
    );
  });

  it('is reachable as forgejo, takes JSON and forms, declares 5 s and no options', () => {
    expect(findReceiver('forgejo')).toBe(receiver);
    expect(receiver.contentTypes).toEqual(['application/json', FORM]);
    expect(receiver.ackDeadlineMs).toBe(5_000);
    expect(() => receiver.parseOptions!({ method: 'GET' })).toThrow(
      /^options\.method is not a Gitea option/,
    );
  });
});
