import { createHmac } from 'node:crypto';
import type { VerifyResult } from '../receiver';
import {
  fixture,
  normalizeWith,
  NOW,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { linearReceiver as receiver } from './linear.receiver';

// The documented scheme computed with node:crypto (hex HMAC-SHA256 of the raw body). Linear's
// SDK (@linear/sdk LinearWebhookClient) is ESM-only and does not load under Jest on Node 20.
const SECRET = 'lin_wh_signing_secret';
const SAMPLE = JSON.parse(fixture(__dirname, 'issue-create.json').toString()) as object;
/** The documented Issue payload, sent `offsetMs` from the test clock. */
const issue = (offsetMs = 0, extra: object = {}) =>
  Buffer.from(JSON.stringify({ ...SAMPLE, webhookTimestamp: NOW.getTime() + offsetMs, ...extra }));
const hex = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const signed = (
  body: Buffer,
  signature = hex(body),
  delivery = 'd0a1b2c3-0000-4000-8000-000000000001',
) => webhookRequest({ 'Linear-Signature': signature, 'Linear-Delivery': delivery }, body);

describe('Linear receiver', () => {
  it('accepts a fresh body signed with any configured secret', () => {
    expect(verifyWith(receiver, signed(issue()), [SECRET])).toEqual({ ok: true, secretIndex: 0 });
    expect(verifyWith(receiver, signed(issue(-59_000)), ['new', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['61 s old', -61_000],
    ['61 s in the future', 61_000],
  ])('refuses an authentic body whose webhookTimestamp is %s (stale-timestamp)', (_c, offset) => {
    expect(verifyWith(receiver, signed(issue(offset)), [SECRET])).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('widens the window with options.toleranceSeconds', () => {
    const options = receiver.parseOptions!({ toleranceSeconds: 600 });
    const result = receiver.verify(signed(issue(-300_000)), {
      secrets: [SECRET],
      options,
      now: NOW,
    }) as VerifyResult;
    expect(result).toEqual({ ok: true, secretIndex: 0 });
  });

  it.each([
    ['no signature header', webhookRequest({}, issue()), /Linear-Signature is missing/],
    ['a wrong secret', signed(issue(), hex(issue(), 'nope')), /signing secret/],
    ['a webhookTimestamp moved after signing', signed(issue(1), hex(issue())), /signing secret/],
    [
      'no webhookTimestamp',
      signed(Buffer.from(JSON.stringify(SAMPLE).replace('"webhookTimestamp"', '"ts"'))),
      /webhookTimestamp/,
    ],
    [
      'a base64 digest',
      signed(issue(), createHmac('sha256', SECRET).update(issue()).digest('base64')),
      /secret/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes: <type>.<action>, Linear-Delivery, createdAt', () => {
    expect(normalizeWith(receiver, signed(issue()))).toEqual({
      type: 'Issue.create',
      providerDeliveryId: 'd0a1b2c3-0000-4000-8000-000000000001',
      occurredAt: new Date('2020-01-23T12:53:18.084Z'),
    });
    const noAction = webhookRequest({}, Buffer.from('{"type":"AppUserNotification"}'));
    expect(normalizeWith(receiver, noAction)).toEqual({ type: 'AppUserNotification' });
  });

  it('refuses a body without type (400)', () => {
    expect(() => normalizeWith(receiver, signed(Buffer.from('{"action":"create"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"type"') }),
    );
  });

  it('takes toleranceSeconds and nothing else', () => {
    expect(() => receiver.parseOptions!({ secret: 'x' })).toThrow(
      /^options\.secret is not a Linear option.*toleranceSeconds/,
    );
  });
});
