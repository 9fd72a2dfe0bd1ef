import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { boxReceiver as receiver } from './box.receiver';

// Published vectors: box/box-node-sdk (v3) `tests/lib/managers/webhooks-test.js`.
const BODY = fixture(__dirname, 'sdk-vector.json');
const TIMESTAMP = '2020-01-01T00:00:00-07:00';
const AT = new Date('2020-01-01T07:00:00Z');
const PRIMARY_KEY = 'SamplePrimaryKey';
const SECONDARY_KEY = 'SampleSecondaryKey';
const PRIMARY = '6TfeAW3A1PASkgboxxA5yqHNKOwFyMWuEXny/FPD5hI=';
const SECONDARY = 'v+1CD1Jdo3muIcbpv5lxxgPglOqMfsNHPV899xWYydo=';

function request(headers: Record<string, string | undefined>, body = BODY): IncomingWebhook {
  const all: Record<string, string | undefined> = {
    'box-delivery-id': 'f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f',
    'box-delivery-timestamp': TIMESTAMP,
    'box-signature-version': '1',
    'box-signature-algorithm': 'HmacSHA256',
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
  return webhookRequest(sent as Record<string, string>, body);
}
const verify = (req: IncomingWebhook, secrets: string[], now = AT, options = {}) =>
  receiver.verify(req, { secrets, options, now }) as VerifyResult;

describe('Box receiver', () => {
  it.each([
    [
      'both signatures, both keys held',
      { 'box-signature-primary': PRIMARY, 'box-signature-secondary': SECONDARY },
      [PRIMARY_KEY, SECONDARY_KEY],
      0,
    ],
    [
      'only the primary key held',
      { 'box-signature-primary': PRIMARY, 'box-signature-secondary': SECONDARY },
      [PRIMARY_KEY],
      0,
    ],
    [
      'only the secondary key held (primary rotated)',
      { 'box-signature-primary': 'x', 'box-signature-secondary': SECONDARY },
      ['new-primary', SECONDARY_KEY],
      1,
    ],
    [
      'only the secondary header sent',
      { 'box-signature-secondary': SECONDARY },
      [SECONDARY_KEY],
      0,
    ],
  ])('accepts the published vectors: %s', (_case, headers, secrets, index) => {
    expect(verify(request(headers), secrets)).toEqual({ ok: true, secretIndex: index });
  });

  it.each([
    ['no signature', {}, /box-signature-primary \(or box-signature-secondary\) is missing/],
    [
      'another version',
      { 'box-signature-primary': PRIMARY, 'box-signature-version': '2' },
      /box-signature-version must be "1"/,
    ],
    [
      'no version',
      { 'box-signature-primary': PRIMARY, 'box-signature-version': undefined },
      /box-signature-version must be "1"/,
    ],
    [
      'another algorithm',
      { 'box-signature-primary': PRIMARY, 'box-signature-algorithm': 'HmacSHA512' },
      /box-signature-algorithm must be "HmacSHA256"/,
    ],
    [
      'another timestamp than signed',
      { 'box-signature-primary': PRIMARY, 'box-delivery-timestamp': '2020-01-01T00:00:01-07:00' },
      /does not match/,
    ],
    [
      'no timestamp',
      { 'box-signature-primary': PRIMARY, 'box-delivery-timestamp': undefined },
      /box-delivery-timestamp is missing or not an ISO-8601/,
    ],
  ])('refuses %s (401 signature)', (_case, headers, message) => {
    const result = verify(request(headers), [PRIMARY_KEY]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('refuses a genuine signature under a key the endpoint does not hold', () => {
    expect(verify(request({ 'box-signature-primary': PRIMARY }), ['other'])).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(/does not match/),
    });
  });

  it('refuses a body changed after signing', () => {
    const tampered = Buffer.from(BODY.toString().replace('Test.txt', 'Evil.txt'));
    expect(
      verify(request({ 'box-signature-primary': PRIMARY }, tampered), [PRIMARY_KEY]),
    ).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it.each([
    ['10 min old', 600_000, true],
    ['10 min 1 s old', 601_000, false],
    ['10 min 1 s early', -601_000, false],
  ])('takes a genuine message %s: %s', (_case, shift, ok) => {
    const now = new Date(AT.getTime() + shift);
    const result = verify(request({ 'box-signature-primary': PRIMARY }), [PRIMARY_KEY], now);
    expect(result.ok).toBe(ok);
    if (!ok) expect(result).toMatchObject({ reason: 'stale-timestamp' });
  });

  it('signs the timestamp as sent: node:crypto over body + timestamp', () => {
    const stamp = '2026-11-27T12:00:00Z';
    const sig = createHmac('sha256', 'k').update(BODY).update(stamp).digest('base64');
    const req = request({ 'box-signature-primary': sig, 'box-delivery-timestamp': stamp });
    expect(verify(req, ['k'], new Date(stamp))).toEqual({ ok: true, secretIndex: 0 });
  });

  it('normalizes trigger and box-delivery-id; a body without trigger is 400', () => {
    expect(normalizeWith(receiver, request({}))).toEqual({
      type: 'FILE.UPLOADED',
      providerDeliveryId: 'f96bb54b-ee16-4fc5-aa65-8c2d9e5b546f',
    });
    expect(() =>
      normalizeWith(receiver, request({}, Buffer.from('{"type":"webhook_event"}'))),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });
});
