import type { HmacDescriptor } from './descriptor';
import {
  BODY,
  T,
  MS,
  hex,
  b64,
  withBody,
  base,
  d,
  sig,
  stripeLike,
  tsHeader,
  whsec,
  hubLike,
  verify,
} from './hmac-receiver.verify.spec-helpers';

const OLD = String(Number(T) - 301);
const FUTURE = String(Number(T) + 301);

describe('hmacReceiver: refused', () => {
  it.each<[string, HmacDescriptor, Record<string, string>, RegExp, Parameters<typeof verify>[2]?]>([
    ['no signature header', base, {}, /^X-Acme-Signature is missing\.$/],
    ['an empty signature header', base, { 'X-Acme-Signature': '' }, /^X-Acme-Signature is missing/],
    ['none of several headers', sig({ headers: ['A', 'B', 'C'] }), {}, /^A \(or B, C\) is missing/],
    [
      'first-present: only the first header sent counts',
      sig({ headers: ['A', 'B'], use: 'first-present' }),
      { A: hex('x'), B: hex(BODY) },
      /does not match the body under any configured secret/,
    ],
    [
      'a wrong secret',
      base,
      { 'X-Acme-Signature': hex(BODY, 'sha256', 'wrong') },
      /does not match/,
    ],
    [
      'no secrets at all',
      base,
      { 'X-Acme-Signature': hex(BODY) },
      /does not match/,
      { secrets: [] },
    ],
    [
      'a tampered body',
      base,
      { 'X-Acme-Signature': hex(BODY) },
      /does not match/,
      { body: Buffer.from(BODY.toString().replace('thing', 'thinG')) },
    ],
    ['base64 where hex is expected', base, { 'X-Acme-Signature': b64(BODY) }, /does not match/],
    [
      'base64 without its padding',
      sig({ encoding: 'base64' }),
      { 'X-Acme-Signature': b64(BODY).replace(/=+$/, '') },
      /does not match/,
    ],
    ['another algorithm', base, { 'X-Acme-Signature': hex(BODY, 'sha1') }, /does not match/],
    [
      'a wrong prefix',
      sig({ prefix: 'sha256=' }),
      { 'X-Acme-Signature': `sha1=${hex(BODY)}` },
      /does not match/,
    ],
    ['no prefix', sig({ prefix: 'sha256=' }), { 'X-Acme-Signature': hex(BODY) }, /does not match/],
    [
      'a key that is not valid hex',
      d({ key: { encoding: 'hex' } }),
      { 'X-Acme-Signature': hex(BODY, 'sha256', 'zz') },
      /does not match/,
      { secrets: ['zz'] },
    ],
    [
      'a list without the wanted key',
      stripeLike,
      { 'Acme-Signature': `t=${T},v0=${hex(withBody(`${T}.`))}` },
      /^Acme-Signature has no "v1" signature\.$/,
    ],
    [
      'a list without its timestamp field',
      stripeLike,
      { 'Acme-Signature': `v1=${hex(withBody(`${T}.`))}` },
      /^The "t" field of Acme-Signature is missing or not a whole number of seconds\.$/,
    ],
    [
      'a signature over another timestamp',
      stripeLike,
      { 'Acme-Signature': `t=${T},v1=${hex(withBody(`${Number(T) - 1}.`))}` },
      /does not match the timestamp and body/,
    ],
    [
      'no timestamp header',
      tsHeader('s'),
      { 'X-Acme-Signature': hex(withBody(T)) },
      /^X-Acme-Timestamp is missing or not a whole number of seconds\.$/,
    ],
    [
      'a timestamp that is not a number',
      tsHeader('s'),
      { 'X-Acme-Signature': hex(withBody(`${T}x`)), 'X-Acme-Timestamp': `${T}x` },
      /X-Acme-Timestamp is missing or not a whole number of seconds/,
    ],
    [
      'seconds where ms are expected',
      tsHeader('ms'),
      { 'X-Acme-Signature': hex(withBody('1.5')), 'X-Acme-Timestamp': '1.5' },
      /not a whole number of milliseconds/,
    ],
    [
      'a date that is not ISO-8601',
      tsHeader('iso8601'),
      {
        'X-Acme-Signature': hex(withBody('Mon, 07 Dec 2026')),
        'X-Acme-Timestamp': 'Mon, 07 Dec 2026',
      },
      /not an ISO-8601 date and time/,
    ],
    [
      'a body without the timestamp path',
      d({ timestamp: { path: 'event.sentAt', unit: 'ms' } }),
      { 'X-Acme-Signature': hex(BODY) },
      /^The body's "event.sentAt" is missing/,
    ],
    [
      'no id header when {id} is signed',
      whsec,
      { 'Webhook-Timestamp': T, 'Webhook-Signature': 'v1,x' },
      /^Webhook-Id is missing\.$/,
    ],
    [
      'a legacy signature alone without the opt-in, saying why',
      hubLike,
      { 'X-Acme-Signature': `sha1=${hex(BODY, 'sha1')}` },
      /^X-Acme-Signature-256 is missing \(SHA1 X-Acme-Signature is off; set options\.allowSha1 to accept it\)\.$/,
    ],
    [
      'a legacy signature with the opt-in explicitly off',
      hubLike,
      { 'X-Acme-Signature': `sha1=${hex(BODY, 'sha1')}` },
      /is off; set options\.allowSha1/,
      { options: { allowSha1: false } },
    ],
    [
      'a wrong legacy signature, opted in',
      hubLike,
      { 'X-Acme-Signature': `sha1=${hex(BODY, 'sha1', 'wrong')}` },
      /does not match the body/,
      { options: { allowSha1: true } },
    ],
    [
      'a SHA-256 digest in the legacy header, opted in',
      hubLike,
      { 'X-Acme-Signature': `sha1=${hex(BODY)}` },
      /does not match the body/,
      { options: { allowSha1: true } },
    ],
    [
      'a wrong primary signature: the legacy one is not consulted',
      hubLike,
      {
        'X-Acme-Signature-256': `sha256=${hex('x')}`,
        'X-Acme-Signature': `sha1=${hex(BODY, 'sha1')}`,
      },
      /does not match the body/,
      { options: { allowSha1: true } },
    ],
    [
      'an empty primary header next to a legacy one, without the opt-in',
      hubLike,
      { 'X-Acme-Signature-256': '', 'X-Acme-Signature': `sha1=${hex(BODY, 'sha1')}` },
      /^X-Acme-Signature-256 is missing \(SHA1/,
    ],
    [
      'no header of either kind',
      hubLike,
      {},
      /^X-Acme-Signature-256 is missing\.$/,
      { options: { allowSha1: true } },
    ],
    [
      'another URL, named in a custom message',
      d({ signedContent: '{body}{url}', messages: { mismatch: 'Not signed for {url}.' } }),
      { 'X-Acme-Signature': hex(withBody('', 'https://other.example.com/')) },
      /^Not signed for https:\/\/hooks\.example\.com\/webhooks\/acme\/main\.$/,
    ],
  ])('%s (401 signature)', (_case, descriptor, headers, message, extra = {}) => {
    const result = verify(descriptor, headers, extra);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(!result.ok && result.message).toMatch(message);
  });

  it.each<[string, HmacDescriptor, Record<string, string>, RegExp, Parameters<typeof verify>[2]?]>([
    [
      'a stale timestamp',
      tsHeader('s'),
      { 'X-Acme-Signature': hex(withBody(OLD)), 'X-Acme-Timestamp': OLD },
      /301s old; the tolerance is 300s/,
    ],
    [
      'a timestamp from the future',
      tsHeader('s'),
      { 'X-Acme-Signature': hex(withBody(FUTURE)), 'X-Acme-Timestamp': FUTURE },
      /301s in the future/,
    ],
    [
      "beyond the descriptor's own window",
      tsHeader('ms', 60),
      {
        'X-Acme-Signature': hex(withBody(String(Number(MS) - 61_000))),
        'X-Acme-Timestamp': String(Number(MS) - 61_000),
      },
      /61s old; the tolerance is 60s/,
    ],
    [
      'beyond options.toleranceSeconds',
      tsHeader('iso8601'),
      {
        'X-Acme-Signature': hex(withBody('2026-12-07T11:59:00Z')),
        'X-Acme-Timestamp': '2026-12-07T11:59:00Z',
      },
      /60s old; the tolerance is 30s/,
      { options: { toleranceSeconds: 30 } },
    ],
  ])(
    '%s (401 stale-timestamp, after the signature)',
    (_case, descriptor, headers, message, extra = {}) => {
      const result = verify(descriptor, headers, extra);
      expect(result).toMatchObject({ ok: false, reason: 'stale-timestamp' });
      expect(!result.ok && result.message).toMatch(message);
      // A wrong signature with the same stale timestamp is a signature refusal, not a stale one.
      expect(verify(descriptor, headers, { ...extra, secrets: ['wrong'] })).toMatchObject({
        reason: 'signature',
      });
    },
  );
});
