import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { sanityReceiver as receiver } from './sanity.receiver';

// Published vector: sanity-io/webhook-toolkit `test/signature.test.ts`.
const VECTOR = {
  secret: 'test',
  body: fixture(__dirname, 'toolkit-vector.json'), // {"_id":"resume"}
  header: 't=1633519811129,v1=tLa470fx7qkLLEcMOcEUFuBbRSkGujyskxrNXcoh0N0',
  at: new Date(1633519811129),
};
// A document as the default projection (the whole document) delivers it.
const POST = fixture(__dirname, 'post-published.json');
const SECRET = 'sanity-webhook-secret';
const T = String(NOW.getTime());

/** The toolkit's scheme with node:crypto: base64url (no padding) HMAC-SHA256 of `t.body`. */
const v1 = (t: string, body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(`${t}.`).update(body).digest('base64url');
const signed = (header: string, body = POST, headers: Record<string, string> = {}) =>
  webhookRequest({ 'sanity-webhook-signature': header, ...headers }, body);
const verify = (req: IncomingWebhook, secrets = [SECRET], now = NOW) =>
  receiver.verify(req, { secrets, options: {}, now }) as VerifyResult;

describe('Sanity receiver', () => {
  it('accepts the published vector, and refuses it with t one millisecond off', () => {
    expect(verify(signed(VECTOR.header, VECTOR.body), [VECTOR.secret], VECTOR.at)).toEqual({
      ok: true,
      secretIndex: 0,
    });
    const shifted = VECTOR.header.replace('811129', '811128');
    expect(verify(signed(shifted, VECTOR.body), [VECTOR.secret], VECTOR.at)).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it.each([
    ['without padding', `t=${T},v1=${v1(T, POST)}`],
    ['with padding', `t=${T},v1=${v1(T, POST)}=`],
    ['with a space after the comma', `t=${T}, v1=${v1(T, POST)}`],
  ])('accepts a base64url signature %s', (_case, header) => {
    expect(verify(signed(header))).toEqual({ ok: true, secretIndex: 0 });
  });

  it.each([
    ['no header', webhookRequest({}, POST), /sanity-webhook-signature is missing/],
    [
      'standard base64 where base64url differs',
      signed(
        `t=${T},v1=${createHmac('sha256', SECRET).update(`${T}.`).update(POST).digest('base64')}`,
      ),
      /does not match/,
    ],
    ['t in seconds', signed(`t=${T.slice(0, -3)},v1=${v1(T.slice(0, -3), POST)}`), /old/],
    ['a wrong secret', signed(`t=${T},v1=${v1(T, POST, 'other')}`), /does not match/],
  ])('refuses %s', (_case, req, message) => {
    const result = verify(req);
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([-301_000, 301_000])('refuses a genuine signature made %i ms from now', (shift) => {
    const t = String(NOW.getTime() + shift);
    expect(verify(signed(`t=${t},v1=${v1(t, POST)}`))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('types by sanity-operation and keys by idempotency-key', () => {
    const req = signed('x', POST, {
      'sanity-operation': 'update',
      'idempotency-key': 'idem_01',
      'sanity-transaction-id': 'tx1',
      'sanity-document-id': 'doc1',
      'sanity-transaction-time': '2021-10-06T11:30:11.000Z',
    });
    expect(normalizeWith(receiver, req)).toEqual({
      type: 'update',
      providerDeliveryId: 'idem_01',
      occurredAt: new Date('2021-10-06T11:30:11.000Z'),
    });
  });

  it.each([
    [{ 'sanity-transaction-id': 'tx1', 'sanity-document-id': 'doc1' }, 'document', 'tx1 doc1'],
    [{ 'sanity-operation': 'publish', 'sanity-document-id': 'doc1' }, 'document', undefined],
  ])('falls back on other headers: %j', (headers, type, id) => {
    const result = normalizeWith(receiver, signed('x', POST, headers));
    expect(result.type).toBe(type);
    expect(result.providerDeliveryId).toBe(id);
  });

  it('takes any JSON value a projection makes, and refuses what is not JSON (400)', () => {
    expect(receiver.parse(signed('x', Buffer.from('"a string"')))).toBe('a string');
    expect(() => receiver.parse(signed('x', Buffer.from('{"_id":')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
