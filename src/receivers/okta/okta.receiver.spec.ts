import { createHash } from 'node:crypto';
import type { IncomingWebhook } from '../receiver';
import {
  fixture,
  NOW,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { oktaReceiver as receiver } from './okta.receiver';

// The "Sample Event Delivery Payload" of okta-developer-docs `docs/concepts/event-hooks/index.md`.
const DELIVERY = fixture(__dirname, 'user-session-start.json');
const KEY = 'okta-event-hook-key-2f8c1a';
const ctx = { secrets: [KEY], options: {}, now: NOW };
const get = (headers: Record<string, string>): IncomingWebhook => ({
  ...webhookRequest(headers, Buffer.alloc(0)),
  method: 'GET',
});
const batch = (...events: object[]) => Buffer.from(JSON.stringify({ data: { events } }));

describe('Okta receiver', () => {
  it('answers the verification GET with the challenge in {"verification": …}', () => {
    const answer = receiver.handshakeBeforeVerify!(
      get({ 'X-Okta-Verification-Challenge': 'We8Z1tK9vQ"<x>' }),
      ctx,
    );
    expect(answer).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json', 'x-content-type-options': 'nosniff' },
      body: '{"verification":"We8Z1tK9vQ\\"<x>"}',
    });
    expect(JSON.parse(answer!.body as string)).toEqual({ verification: 'We8Z1tK9vQ"<x>' });
  });

  it('leaves other requests to verify: a GET without the header, a POST with it', () => {
    expect(receiver.handshakeBeforeVerify!(get({}), ctx)).toBeUndefined();
    const post = webhookRequest({ 'X-Okta-Verification-Challenge': 'v' }, DELIVERY);
    expect(receiver.handshakeBeforeVerify!(post, ctx)).toBeUndefined();
  });

  it('refuses an empty challenge (400)', () => {
    expect(() =>
      receiver.handshakeBeforeVerify!(get({ 'X-Okta-Verification-Challenge': '' }), ctx),
    ).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('accepts the Authorization value under any configured secret, and never stores it', () => {
    const req = webhookRequest({ Authorization: KEY }, DELIVERY);
    expect(verifyWith(receiver, req, ['okta-next-key', KEY])).toEqual({ ok: true, secretIndex: 1 });
    expect(receiver.secretHeaders).toEqual(['authorization']);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no Authorization', {}, /Authorization is missing/],
    ['another value', { Authorization: 'okta-guess' }, /does not match/],
    ['the key as a Bearer token', { Authorization: `Bearer ${KEY}` }, /does not match/],
  ])('refuses %s (401), never quoting the key', (_case, headers, message) => {
    const result = verifyWith(receiver, webhookRequest(headers, DELIVERY), [KEY]);
    expect(result).toMatchObject({ ok: false, reason: 'signature', message });
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('normalizes the sample: its event type and uuid, and eventTime', () => {
    expect(normalizeWith(receiver, webhookRequest({}, DELIVERY))).toEqual({
      type: 'user.session.start',
      providerDeliveryId: 'f790999f-fe87-467a-9880-6982a583986c',
      occurredAt: new Date('2019-03-27T16:59:53.032Z'),
    });
  });

  it('types a batch by its common eventType, or mixed; the id hashes the uuids', () => {
    const a = { uuid: 'u-1', eventType: 'user.lifecycle.create' };
    const b = { uuid: 'u-2', eventType: 'user.lifecycle.create' };
    const c = { uuid: 'u-3', eventType: 'user.session.start' };
    const hash = createHash('sha256').update('u-1\nu-2').digest('hex');
    expect(normalizeWith(receiver, webhookRequest({}, batch(a, b)))).toEqual({
      type: 'user.lifecycle.create',
      providerDeliveryId: hash,
    });
    expect(normalizeWith(receiver, webhookRequest({}, batch(a, c))).type).toBe('mixed');
  });

  it.each([
    ['no data.events', Buffer.from('{"eventId":"e"}'), /data\.events/],
    ['an empty data.events', batch(), /data\.events/],
    ['an event without eventType', batch({ uuid: 'u' }), /eventType/],
  ])('refuses %s (400)', (_case, body, message) => {
    expect(() => normalizeWith(receiver, webhookRequest({}, body))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('declares 3 s and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(3_000);
    expect(() => receiver.parseOptions!({ header: 'x' })).toThrow(
      /^options\.header is not a Okta option/,
    );
  });
});
