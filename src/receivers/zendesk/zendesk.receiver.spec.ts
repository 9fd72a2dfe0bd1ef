import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { zendeskReceiver } from './zendesk.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const EVENT = fixture('user-active-changed.json');
// A trigger webhook's body is written by the Zendesk admin with placeholders ({{ticket.id}}).
const TRIGGER = fixture('trigger-ticket.json');
const SECRET = 'dGhpc19zZWNyZXRfaXNfZm9yX3Rlc3Rpbmdfb25seQ==';
const NOW = new Date('2026-11-27T12:00:00Z');
const STAMP = '2026-11-27T12:00:00Z';

/** The documented scheme with node:crypto: base64(HMAC-SHA256(secret, TIMESTAMP + BODY)). */
const sign = (timestamp: string, body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(timestamp).update(body).digest('base64');

function request(
  body: Buffer,
  { timestamp = STAMP, signature = sign(timestamp, body), invocation = '8350205582' } = {},
): IncomingWebhook {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/zendesk/support',
    query: {},
    headers: {
      'x-zendesk-webhook-signature': signature,
      'x-zendesk-webhook-signature-timestamp': timestamp,
      'x-zendesk-webhook-invocation-id': invocation,
    },
    rawBody: body,
    contentType: 'application/json',
  };
}
const verify = (req: IncomingWebhook, options = {}, secrets = [SECRET]) =>
  zendeskReceiver.verify(req, { secrets, options, now: NOW }) as VerifyResult;

describe('Zendesk signature', () => {
  it.each([
    ['an event webhook', request(EVENT), { ok: true, secretIndex: 0 }],
    ['a trigger webhook', request(TRIGGER), { ok: true, secretIndex: 0 }],
    [
      'the second secret (rotation)',
      request(EVENT, { signature: sign(STAMP, EVENT, 'old') }),
      { ok: true, secretIndex: 1 },
    ],
  ])('accepts %s', (_case, req, expected) => {
    expect(verify(req, {}, [SECRET, 'old'])).toEqual(expected);
  });

  it.each([
    ['a wrong secret', request(EVENT, { signature: sign(STAMP, EVENT, 'wrong') })],
    [
      'a tampered body',
      { ...request(EVENT), rawBody: Buffer.from(EVENT.toString().replace('end-user', 'admin')) },
    ],
    [
      'another timestamp than the one signed',
      request(EVENT, { timestamp: '2026-11-27T12:00:01Z', signature: sign(STAMP, EVENT) }),
    ],
    [
      'the body signed before the timestamp',
      request(EVENT, {
        signature: createHmac('sha256', SECRET).update(EVENT).update(STAMP).digest('base64'),
      }),
    ],
    [
      'a hex signature',
      request(EVENT, {
        signature: createHmac('sha256', SECRET).update(STAMP).update(EVENT).digest('hex'),
      }),
    ],
  ])('refuses %s (401 signature)', (_case, req) => {
    expect(verify(req)).toMatchObject({ ok: false, reason: 'signature' });
  });

  it.each([
    [
      'no signature',
      { ...request(EVENT), headers: { 'x-zendesk-webhook-signature-timestamp': STAMP } },
      /X-Zendesk-Webhook-Signature is missing/,
    ],
    [
      'no timestamp',
      { ...request(EVENT), headers: { 'x-zendesk-webhook-signature': sign(STAMP, EVENT) } },
      /X-Zendesk-Webhook-Signature-Timestamp is missing or not an ISO-8601/,
    ],
    ['a timestamp in seconds', request(EVENT, { timestamp: '1795780800' }), /not an ISO-8601/],
  ])('refuses %s', (_case, req, message) => {
    expect(verify(req)).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    ['301 s old', '2026-11-27T11:54:59Z', /301s old/],
    ['301 s in the future', '2026-11-27T12:05:01Z', /301s in the future/],
  ])('refuses a genuine signature %s (stale-timestamp)', (_case, timestamp, message) => {
    expect(verify(request(EVENT, { timestamp }))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
      message: expect.stringMatching(message),
    });
  });

  it('takes the window from options.toleranceSeconds, 0 turning it off', () => {
    const old = request(EVENT, { timestamp: '2026-11-27T11:50:00Z' });
    expect(verify(old, zendeskReceiver.parseOptions!({ toleranceSeconds: 900 })).ok).toBe(true);
    expect(verify(old, zendeskReceiver.parseOptions!({ toleranceSeconds: 0 })).ok).toBe(true);
    expect(verify(old, zendeskReceiver.parseOptions!({ toleranceSeconds: 60 })).ok).toBe(false);
    expect(() => zendeskReceiver.parseOptions!({ tolerance: 60 })).toThrow(
      /^options\.tolerance is not a Zendesk option; remove it \(known: toleranceSeconds\)/,
    );
  });

  it('checks an offset timestamp verbatim, and the window on the instant it names', () => {
    const timestamp = '2026-11-27T13:00:00+01:00';
    expect(verify(request(EVENT, { timestamp }))).toEqual({ ok: true, secretIndex: 0 });
  });
});

describe('Zendesk normalization', () => {
  const normalize = (req: IncomingWebhook) =>
    zendeskReceiver.normalize(req, zendeskReceiver.parse(req));

  it('types an event webhook by its zen:event-type, keyed on the invocation id', () => {
    expect(normalize(request(EVENT))).toEqual({
      type: 'zen:event-type:user.active_changed',
      providerDeliveryId: '8350205582',
      occurredAt: new Date('2099-07-04T05:33:18Z'),
    });
  });

  it("falls back to the event's id without an invocation id", () => {
    expect(normalize(request(EVENT, { invocation: '' }))).toMatchObject({
      providerDeliveryId: '2b24ef10-19d4-4740-93cf-8f98ec4776c0',
    });
  });

  it('types a trigger webhook `trigger`, even when its body has a type field of its own', () => {
    expect(JSON.parse(TRIGGER.toString()).type).toBe('incident');
    expect(normalize(request(TRIGGER))).toEqual({
      type: 'trigger',
      providerDeliveryId: '8350205582',
    });
    expect(normalize(request(TRIGGER, { invocation: '' }))).toEqual({ type: 'trigger' });
  });

  it('takes any JSON a trigger sends, not only an object', () => {
    expect(normalize(request(Buffer.from('["a",1]')))).toMatchObject({ type: 'trigger' });
  });

  it.each([
    ['an empty body', ''],
    ['text that is not JSON', 'Ticket 35436 has been updated.'],
  ])('refuses %s (400)', (_case, body) => {
    expect(() => zendeskReceiver.parse(request(Buffer.from(body)))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('accepts POST with JSON only', () => {
    expect(zendeskReceiver.contentTypes).toEqual(['application/json']);
    expect(zendeskReceiver.methods).toBeUndefined();
  });
});
