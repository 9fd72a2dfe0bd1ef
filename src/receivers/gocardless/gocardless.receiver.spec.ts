import { createHash, createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { gocardlessReceiver as receiver } from './gocardless.receiver';

/*
 * The SDK's own fixture and vector (gocardless/gocardless-nodejs `src/webhooks.test.ts`,
 * `src/fixtures/webhook_body.json`): the fixture minified is the signed body. The SDK is loaded
 * by its `webhooks` subpath export: its root entry pulls in ESM-only modules, and this
 * tsconfig's module resolution does not read subpath exports, hence require.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const gocardlessWebhooks = require('gocardless-nodejs/webhooks') as {
  parse(body: Buffer, secret: string, signature: string): { id: string }[];
};
const VECTOR_SECRET = 'ED7D658C-D8EB-4941-948B-3973214F2D49';
const VECTOR_SIGNATURE = '2693754819d3e32d7e8fcb13c729631f316c6de8dc1cf634d6527f1c07276e7e';
const BODY = Buffer.from(
  JSON.stringify(JSON.parse(fixture(__dirname, 'webhook-body.json').toString())),
);
const SECRET = 'gocardless-endpoint-secret';
const hex = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const signed = (signature: string, body: Buffer = BODY) =>
  webhookRequest({ 'Webhook-Signature': signature }, body);

describe('GoCardless receiver', () => {
  it('accepts the SDK fixture with its published signature', () => {
    expect(verifyWith(receiver, signed(VECTOR_SIGNATURE), [VECTOR_SECRET])).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('agrees with the SDK parser on a body signed with another secret', () => {
    const signature = hex(BODY);
    expect(gocardlessWebhooks.parse(BODY, SECRET, signature).map((e) => e.id)).toEqual([
      'EV00BD05S5VM2T',
      'EV00BD05TB8K63',
    ]);
    expect(verifyWith(receiver, signed(signature), ['newer-secret', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
    expect(() => gocardlessWebhooks.parse(BODY, 'other', signature)).toThrow();
    expect(verifyWith(receiver, signed(signature), ['other'])).toMatchObject({ ok: false });
  });

  it.each([
    ['no Webhook-Signature', webhookRequest({}, BODY), /Webhook-Signature is missing/],
    ['a wrong secret', signed(hex(BODY, 'not-the-secret')), /endpoint secret/],
    [
      'the pretty-printed fixture (not the bytes signed)',
      signed(VECTOR_SIGNATURE, fixture(__dirname, 'webhook-body.json')),
      /does not match/,
    ],
    ['a sha256= prefix', signed(`sha256=${VECTOR_SIGNATURE}`), /does not match/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [VECTOR_SECRET, SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('types a mixed batch "mixed", keyed by a hash of its event ids', () => {
    const ids = 'EV00BD05S5VM2T,EV00BD05TB8K63';
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'mixed',
      providerDeliveryId: `events:${createHash('sha256').update(ids).digest('hex')}`,
    });
  });

  it('types a batch of one kind by it; one event is keyed by its id', () => {
    const event = (id: string) => ({ id, resource_type: 'payments', action: 'confirmed' });
    const one = Buffer.from(
      JSON.stringify({ events: [event('EV1')], meta: { webhook_id: 'WB1' } }),
    );
    expect(normalizeWith(receiver, signed('x', one))).toEqual({
      type: 'payments.confirmed',
      providerDeliveryId: 'EV1',
    });
    const two = Buffer.from(JSON.stringify({ events: [event('EV1'), event('EV2')] }));
    expect(normalizeWith(receiver, signed('x', two)).type).toBe('payments.confirmed');
  });

  it.each([
    ['no events', '{"meta":{}}', /no "events"/],
    ['an empty batch', '{"events":[]}', /no "events"/],
    [
      'an event without action',
      '{"events":[{"id":"EV1","resource_type":"payments"}]}',
      /events\[0\]/,
    ],
  ])('refuses %s (400)', (_case, body, message) => {
    expect(() => normalizeWith(receiver, signed('x', Buffer.from(body)))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('declares a 10 s deadline and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(10_000);
    expect(() => receiver.parseOptions!({ environment: 'live' })).toThrow(
      /^options\.environment is not a GoCardless option/,
    );
  });
});
