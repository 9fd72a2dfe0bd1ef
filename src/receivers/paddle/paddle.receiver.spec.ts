import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { paddleReceiver as receiver } from './paddle.receiver';

// Published vectors: PaddleHQ/paddle-node-sdk
// `src/__tests__/notifications/webhooks-validator.node.test.ts` (bodies byte for byte in fixtures/).
const VECTOR_TIME = new Date('2023-11-01T00:00:00Z'); // ts=1698796800
const VECTOR_SECRET = 'VALID_SECRET';
const VECTOR_1 = fixture(__dirname, 'sdk-vector-1.json');
const VECTOR_1_HEADER =
  'ts=1698796800;h1=a300428748dce5c70e4da19bffd60769591ea969c99dea3105d0ec9612cf43f9';
const VECTOR_2 = fixture(__dirname, 'sdk-vector-2.json');
const VECTOR_2_HEADER =
  'ts=1698796800;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h1=28981e941fae76e53db32f3d2a83cb69db41476595e84e1970a1b5d98f62b261;h2=RANDOM_HASH';
// The documented customer.created notification (developer.paddle.com, webhooks, customer.created).
const CUSTOMER_CREATED = fixture(__dirname, 'customer-created.json');
const SECRET = 'pdl_ntfset_01hv8wt8secret';
const TS = String(Math.floor(NOW.getTime() / 1000));

/** The documented scheme with node:crypto: hex HMAC-SHA256 of `ts:body`. */
const h1 = (ts: string, body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(`${ts}:`).update(body).digest('hex');
const signed = (header: string, body = CUSTOMER_CREATED) =>
  webhookRequest({ 'Paddle-Signature': header }, body);
const verify = (req: IncomingWebhook, secrets: string[], now = NOW, options = {}) =>
  receiver.verify(req, { secrets, options, now }) as VerifyResult;

describe('Paddle receiver', () => {
  it.each([
    ['one h1', VECTOR_1, VECTOR_1_HEADER],
    ['several h1 and an h2', VECTOR_2, VECTOR_2_HEADER],
  ])('accepts the published vector with %s', (_case, body, header) => {
    expect(verify(signed(header, body), [VECTOR_SECRET], VECTOR_TIME)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each([
    ['its invalid secret', signed(VECTOR_1_HEADER, VECTOR_1), ['INVALID_VALID_SECRET']],
    [
      'its body with more spaces',
      signed(VECTOR_1_HEADER, Buffer.from('{ "data": [ "1", "2" ]}')),
      [VECTOR_SECRET],
    ],
    [
      'its invalid signature',
      signed('ts=1698796800;h1=invalid_signature', VECTOR_1),
      [VECTOR_SECRET],
    ],
  ])('refuses the published mismatch case: %s (401)', (_case, req, secrets) => {
    expect(verify(req, secrets, VECTOR_TIME)).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('accepts any h1 of a header signed under two secrets (rotation)', () => {
    const header = `ts=${TS};h1=${h1(TS, CUSTOMER_CREATED, 'old')};h1=${h1(TS, CUSTOMER_CREATED)}`;
    expect(verify(signed(header), ['x', SECRET])).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each([
    ['no Paddle-Signature', webhookRequest({}, CUSTOMER_CREATED), /Paddle-Signature is missing/],
    ['no ts', signed(`h1=${h1(TS, CUSTOMER_CREATED)}`), /"ts" field of Paddle-Signature/],
    ['no h1', signed(`ts=${TS};h2=${h1(TS, CUSTOMER_CREATED)}`), /no "h1" signature/],
    [
      'ts in milliseconds',
      signed(`ts=${TS}000;h1=${h1(`${TS}000`, CUSTOMER_CREATED)}`),
      /not a whole number of seconds/,
    ],
    [
      'another ts than signed',
      signed(`ts=${Number(TS) - 1};h1=${h1(TS, CUSTOMER_CREATED)}`),
      /does not match/,
    ],
  ])('refuses %s', (_case, req, message) => {
    const result = verify(req, [SECRET]);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([
    ['301 s old', -301, /301s old/],
    ['301 s in the future', 301, /301s in the future/],
  ])('refuses a genuine signature %s (stale-timestamp)', (_case, offset, message) => {
    const ts = String(Number(TS) + offset);
    expect(verify(signed(`ts=${ts};h1=${h1(ts, CUSTOMER_CREATED)}`), [SECRET])).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
      message: expect.stringMatching(message),
    });
  });

  it('normalizes event_type, event_id and occurred_at', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'customer.created',
      providerDeliveryId: 'evt_01hv8wt8nffez4p2t6typn4a5j',
      occurredAt: new Date('2024-04-12T10:18:49.621Z'),
    });
  });

  it('refuses a body without event_type (400), declares 5 s, knows toleranceSeconds only', () => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"event_id":"e"}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(receiver.ackDeadlineMs).toBe(5_000);
    expect(receiver.parseOptions!({ toleranceSeconds: 5 })).toEqual({ toleranceSeconds: 5 });
    expect(() => receiver.parseOptions!({ secretKey: 'x' })).toThrow(
      /^options\.secretKey is not a Paddle option/,
    );
  });
});
