import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { muxReceiver as receiver } from './mux.receiver';

// Published vector: muxinc/mux-node-sdk `tests/api-resources/webhooks.test.ts`.
const VECTOR = {
  body: fixture(__dirname, 'sdk-vector.json'), // {"test":"body"}
  secret: 'SuperSecret123',
  at: new Date(1565125718 * 1000),
  t: '1565125718',
  hash: '854ece4c22acef7c66b57d4e504153bc512595e8e9c772ece2a68150548c19a7',
};
// The video.asset.ready example of docs.mux.com (webhooks reference).
const ASSET_READY = fixture(__dirname, 'video-asset-ready.json');
const SECRET = 'mux-webhook-signing-secret';
const T = String(Math.floor(NOW.getTime() / 1000));

/** The documented scheme with node:crypto: hex HMAC-SHA256 of `t.body`. */
const v1 = (t: string, body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('hex');
const signed = (header: string, body = ASSET_READY) =>
  webhookRequest({ 'mux-signature': header }, body);
const verify = (req: IncomingWebhook, secrets: string[], now = NOW) =>
  receiver.verify(req, { secrets, options: {}, now }) as VerifyResult;

describe('Mux receiver', () => {
  it.each([
    ['its header', `t=${VECTOR.t},v1=${VECTOR.hash}`],
    ['an invalid v1 before the valid one', `t=${VECTOR.t},v1=invalid-sig,v1=${VECTOR.hash}`],
    ['a v2 before the v1', `t=${VECTOR.t},v2=${VECTOR.hash},v1=${VECTOR.hash}`],
  ])('accepts the published vector with %s', (_case, header) => {
    expect(verify(signed(header, VECTOR.body), [VECTOR.secret], VECTOR.at)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each([
    ['only a v2', `t=${VECTOR.t},v2=${VECTOR.hash}`, /no "v1" signature/],
    ['no t', `v1=${VECTOR.hash}`, /"t" field of mux-signature/],
  ])('refuses the published failure case: %s', (_case, header, message) => {
    const result = verify(signed(header, VECTOR.body), [VECTOR.secret], VECTOR.at);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('refuses the published vector 6 minutes later (stale-timestamp), and 6 minutes early', () => {
    const header = `t=${VECTOR.t},v1=${VECTOR.hash}`;
    for (const shift of [360_000, -360_000]) {
      const now = new Date(VECTOR.at.getTime() + shift);
      expect(verify(signed(header, VECTOR.body), [VECTOR.secret], now)).toMatchObject({
        ok: false,
        reason: 'stale-timestamp',
      });
    }
  });

  it.each([
    ['a wrong secret', signed(`t=${T},v1=${v1(T, ASSET_READY, 'other')}`)],
    [
      'a body changed after signing',
      signed(
        `t=${T},v1=${v1(T, ASSET_READY)}`,
        Buffer.from(ASSET_READY.toString().replace('ready', 'errored')),
      ),
    ],
    ['the timestamp changed after signing', signed(`t=${Number(T) + 1},v1=${v1(T, ASSET_READY)}`)],
  ])('refuses %s (401 signature)', (_case, req) => {
    expect(verify(req, [SECRET])).toMatchObject({ ok: false, reason: 'signature' });
  });

  it('accepts the older secret during a rotation', () => {
    const req = signed(`t=${T},v1=${v1(T, ASSET_READY)}`);
    expect(verify(req, ['newer', SECRET])).toEqual({ ok: true, secretIndex: 1 });
  });

  it('normalizes type, the event id and created_at; a body without type is 400', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'video.asset.ready',
      providerDeliveryId: '3a56ac3d-33da-4366-855b-f592d898409d',
      occurredAt: new Date('2018-02-15T01:04:45.000Z'),
    });
    expect(() => normalizeWith(receiver, signed('x', VECTOR.body))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(() => receiver.parseOptions!({ secret: 'x' })).toThrow(
      /^options\.secret is not a Mux option/,
    );
  });
});
