import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { segmentReceiver as receiver } from './segment.receiver';

// The documented scheme computed with node:crypto, over the bytes Segment's Actions destination
// sends: JSON.stringify of the event (action-destinations `webhook/index.ts`). The event is the
// Track example of segment-docs' spec.
const SECRET = 'segment-shared-secret';
const track = Buffer.from(JSON.stringify(JSON.parse(fixture(__dirname, 'track.json').toString())));
const hex = (body: Buffer, secret = SECRET, algorithm = 'sha1') =>
  createHmac(algorithm, secret).update(body).digest('hex');
const signed = (signature: string, body = track) =>
  webhookRequest({ 'X-Signature': signature }, body);

describe('Segment receiver', () => {
  it('accepts the hex HMAC-SHA1 of the body under any configured secret', () => {
    expect(verifyWith(receiver, signed(hex(track)), [SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(verifyWith(receiver, signed(hex(track).toUpperCase()), ['new', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature header', webhookRequest({}, track), /X-Signature is missing/],
    ['a wrong secret', signed(hex(track, 'nope')), /shared secret/],
    [
      'a body changed after signing',
      signed(hex(track), Buffer.from(track.toString().replace('Intro', 'Outro'))),
      /shared secret/,
    ],
    ['a SHA-256 signature', signed(hex(track, SECRET, 'sha256')), /shared secret/],
    [
      'a batch signed over its first event only (older Segment code)',
      signed(hex(track), Buffer.from(`[${track.toString()},${track.toString()}]`)),
      /shared secret/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('refuses a batch at parse even when its signature matched (400)', () => {
    const batch = Buffer.from(`[${track.toString()}]`);
    expect(() => receiver.parse(signed(hex(batch), batch))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('batching off') }),
    );
  });

  it('normalizes: type, messageId as delivery id, timestamp as time', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'track',
      providerDeliveryId: 'ajs-f8ca1e4de5024d9430b3928bd8ac6b96',
      occurredAt: new Date('2015-12-12T19:11:01.249Z'),
    });
  });

  it.each([
    ['no type', '{"messageId":"m1"}', /"type"/],
    ['a scalar', '42', /JSON object/],
  ])('refuses a body with %s (400)', (_case, body, message) => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from(body)))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('declares a 5 s deadline and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(5_000);
    expect(() => receiver.parseOptions!({ batch: false })).toThrow(
      /^options\.batch is not a Segment option/,
    );
  });
});
