import { createHash, createHmac } from 'node:crypto';
import { validateSignature } from '@line/bot-sdk';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { lineReceiver as receiver } from './line.receiver';

// The documented example of a text message event (developers.line.biz, "Webhook event objects").
const message = fixture(__dirname, 'message-text.json');
const verifyBody = fixture(__dirname, 'verify.json');
const SECRET = 'line-channel-secret-8f2b';
const b64 = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');
const signed = (signature: string, body = message) =>
  webhookRequest({ 'x-line-signature': signature }, body);
const events = (...list: object[]) =>
  Buffer.from(JSON.stringify({ destination: 'U1', events: list }));

describe('LINE receiver', () => {
  it("agrees with @line/bot-sdk's validateSignature on what is valid and what is not", () => {
    const good = b64(message);
    const bad = b64(message, 'another-channel-secret');
    expect(validateSignature(message, SECRET, good)).toBe(true);
    expect(verifyWith(receiver, signed(good), [SECRET])).toEqual({ ok: true, secretIndex: 0 });
    expect(validateSignature(message, SECRET, bad)).toBe(false);
    expect(verifyWith(receiver, signed(bad), [SECRET])).toMatchObject({ ok: false });
  });

  it('accepts the old channel secret during rotation', () => {
    expect(verifyWith(receiver, signed(b64(message)), ['new-secret', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['no signature header', webhookRequest({}, message), /x-line-signature is missing/],
    ['a wrong secret', signed(b64(message, 'nope')), /channel secret/],
    [
      'a body changed after signing',
      signed(b64(message), Buffer.from(message.toString().replace('Hello', 'Bye'))),
      /channel secret/,
    ],
    ['a hex digest', signed(createHmac('sha256', SECRET).update(message).digest('hex')), /channel/],
  ])('refuses %s (401)', (_case, req, text) => {
    const result = verifyWith(receiver, req, [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(text);
  });

  it('answers the signed Verify request (no events) 200, and nothing else', () => {
    const req = signed(b64(verifyBody), verifyBody);
    expect(receiver.handshakeAfterVerify!(req, receiver.parse(req))).toEqual({ status: 200 });
    expect(
      receiver.handshakeAfterVerify!(signed('x'), receiver.parse(signed('x'))),
    ).toBeUndefined();
    // Unsigned, it never gets there: verification runs first and refuses it.
    expect(verifyWith(receiver, webhookRequest({}, verifyBody), [SECRET])).toMatchObject({
      ok: false,
    });
  });

  it('normalizes one event: its type and webhookEventId', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'message',
      providerDeliveryId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
    });
  });

  it('normalizes a batch: one type or mixed, keyed by a hash of the event ids', () => {
    const follow = { type: 'follow', webhookEventId: 'E2' };
    const both = events({ type: 'message', webhookEventId: 'E1' }, follow);
    expect(normalizeWith(receiver, signed('x', both))).toEqual({
      type: 'mixed',
      providerDeliveryId: `events:${createHash('sha256').update('E1,E2').digest('hex')}`,
    });
    const two = events(follow, { ...follow, webhookEventId: 'E3' });
    expect(normalizeWith(receiver, signed('x', two)).type).toBe('follow');
  });

  it.each([
    ['no events', Buffer.from('{"destination":"U1"}'), /"events"/],
    ['an event without webhookEventId', events({ type: 'message' }), /events\[0\]/],
  ])('refuses a body with %s (400)', (_case, body, text) => {
    expect(() => normalizeWith(receiver, signed('x', body))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(text) }),
    );
  });

  it('takes no options', () => {
    expect(receiver.parseOptions!(undefined)).toEqual({});
    expect(() => receiver.parseOptions!({ channelId: '1' })).toThrow(
      /^options\.channelId is not a LINE option/,
    );
  });
});
