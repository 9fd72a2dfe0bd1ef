import { createHash, createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { webflowReceiver as receiver } from './webflow.receiver';

// The form_submission example of developers.webflow.com ("Working with webhooks").
const FORM = fixture(__dirname, 'form-submission.json');
const SECRET = 'webflow-webhook-secret';
const TS = String(NOW.getTime()); // milliseconds

/** The documented scheme with node:crypto: hex HMAC-SHA256 of `timestamp:body`. */
const sign = (ts: string, body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(`${ts}:`).update(body).digest('hex');
const request = (signature: string | null, ts: string | null = TS, body = FORM) =>
  webhookRequest(
    Object.fromEntries(
      Object.entries({ 'x-webflow-signature': signature, 'x-webflow-timestamp': ts }).filter(
        (entry): entry is [string, string] => entry[1] !== null,
      ),
    ),
    body,
  );
const verify = (req: IncomingWebhook, secrets = [SECRET]) =>
  receiver.verify(req, { secrets, options: {}, now: NOW }) as VerifyResult;

describe('Webflow receiver', () => {
  it('accepts a signature under the secret, and under the older of two', () => {
    expect(verify(request(sign(TS, FORM)))).toEqual({ ok: true, secretIndex: 0 });
    expect(verify(request(sign(TS, FORM)), ['newer', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature', request(null), /x-webflow-signature is missing/],
    ['no timestamp', request(sign(TS, FORM), null), /x-webflow-timestamp is missing or not/],
    ['a wrong secret', request(sign(TS, FORM, 'other')), /does not match/],
    [
      'another timestamp than signed',
      request(sign(TS, FORM), String(Number(TS) + 1)),
      /does not match/,
    ],
    [
      'the body alone signed',
      request(createHmac('sha256', SECRET).update(FORM).digest('hex')),
      /does not match/,
    ],
    [
      'a body changed after signing',
      request(sign(TS, FORM), TS, Buffer.from(FORM.toString().replace('Zaphod', 'Arthur'))),
      /does not match/,
    ],
    ['a timestamp in seconds', request(sign(TS.slice(0, -3), FORM), TS.slice(0, -3)), /old/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verify(req);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([-301_000, 301_000])('refuses a genuine signature made %i ms from now', (shift) => {
    const ts = String(NOW.getTime() + shift);
    expect(verify(request(sign(ts, FORM), ts))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('normalizes triggerType, and the SHA-256 of the body as the delivery id', () => {
    expect(normalizeWith(receiver, request('x'))).toEqual({
      type: 'form_submission',
      providerDeliveryId: createHash('sha256').update(FORM).digest('hex'),
    });
    expect(() => normalizeWith(receiver, request('x', TS, Buffer.from('{"payload":{}}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
