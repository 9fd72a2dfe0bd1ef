import { createHmac, randomBytes } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../../receiver';
import type { HmacDescriptor } from './descriptor';
import { hmacReceiver } from './hmac-receiver';
import { acme, ACME } from './hmac-receiver.spec-helpers';

// Every expected signature is computed here with node:crypto, never with the code under test.
const SECRET = 'descriptor-secret';
const BODY = Buffer.from('{"event":{"type":"thing.created","id":"evt_1"},"sentAt":1796644800000}');
const NOW = new Date('2026-12-07T12:00:00.000Z');
const T = String(NOW.getTime() / 1000); // seconds
const MS = String(NOW.getTime());
const ISO = '2026-12-07T12:00:00.000Z';
const URL = 'https://hooks.example.com/webhooks/acme/main';
const KEY = randomBytes(24);

type Alg = 'sha1' | 'sha256' | 'sha512';
const mac = (content: string | Buffer, alg: Alg = 'sha256', key: string | Buffer = SECRET) =>
  createHmac(alg, key).update(content);
const hex = (content: string | Buffer, alg?: Alg, key?: string | Buffer) =>
  mac(content, alg, key).digest('hex');
const b64 = (content: string | Buffer, alg?: Alg, key?: string | Buffer) =>
  mac(content, alg, key).digest('base64');
const withBody = (prefix: string, suffix = '') =>
  Buffer.concat([Buffer.from(prefix), BODY, Buffer.from(suffix)]);

const base = ACME;
const d = acme;
const sig = (over: Partial<HmacDescriptor['signature']>) =>
  d({ signature: { ...base.signature, ...over } });
const stripeLike = d({
  signature: {
    headers: ['Acme-Signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 't', unit: 's' },
});
const tsHeader = (unit: 's' | 'ms' | 'iso8601', toleranceSeconds?: number) =>
  d({
    signedContent: '{timestamp}{body}',
    timestamp: { header: 'X-Acme-Timestamp', unit, toleranceSeconds },
  });
const whsec = d({
  key: { encoding: 'base64', stripPrefix: 'whsec_' },
  signature: {
    headers: ['Webhook-Signature'],
    encoding: 'base64',
    list: { separator: ' ', keyValue: ',', signatureKey: 'v1' },
  },
  signedContent: '{id}.{timestamp}.{body}',
  timestamp: { header: 'Webhook-Timestamp', unit: 's' },
  id: { header: 'Webhook-Id' },
});
const hubspotLike = d({
  signature: { headers: ['X-Acme-Signature-V3'], encoding: 'base64' },
  signedContent: '{method}{url}{body}{timestamp}',
  timestamp: { header: 'X-Acme-Timestamp', unit: 'ms' },
});

function verify(
  descriptor: HmacDescriptor,
  headers: Record<string, string>,
  { secrets = [SECRET], options = {}, body = BODY, now = NOW } = {},
): VerifyResult {
  const req: IncomingWebhook = {
    method: 'POST',
    url: URL,
    query: {},
    headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
    rawBody: body,
    contentType: 'application/json',
  };
  return hmacReceiver(descriptor).verify(req, { secrets, options, now }) as VerifyResult;
}

describe('hmacReceiver: accepted', () => {
  it.each<[string, HmacDescriptor, Record<string, string>, Parameters<typeof verify>[2]?, number?]>(
    [
      ['sha256, hex', base, { 'X-Acme-Signature': hex(BODY) }],
      ['sha1', d({ algorithm: 'sha1' }), { 'X-Acme-Signature': hex(BODY, 'sha1') }],
      ['sha512', d({ algorithm: 'sha512' }), { 'X-Acme-Signature': hex(BODY, 'sha512') }],
      ['upper-case hex', base, { 'X-Acme-Signature': hex(BODY).toUpperCase() }],
      ['base64', sig({ encoding: 'base64' }), { 'X-Acme-Signature': b64(BODY) }],
      [
        'base64url, with or without padding',
        sig({ encoding: 'base64url', headers: ['A', 'B'] }),
        { A: 'x', B: `${mac(BODY).digest('base64url')}=` },
      ],
      ['a prefix', sig({ prefix: 'sha256=' }), { 'X-Acme-Signature': `sha256=${hex(BODY)}` }],
      [
        'a base64 key after whsec_',
        d({ key: { encoding: 'base64', stripPrefix: 'whsec_' } }),
        { 'X-Acme-Signature': hex(BODY, 'sha256', KEY) },
        { secrets: [`whsec_${KEY.toString('base64')}`] },
      ],
      [
        'a base64 key without the optional prefix',
        d({ key: { encoding: 'base64', stripPrefix: 'whsec_' } }),
        { 'X-Acme-Signature': hex(BODY, 'sha256', KEY) },
        { secrets: [KEY.toString('base64')] },
      ],
      [
        'a hex key',
        d({ key: { encoding: 'hex' } }),
        { 'X-Acme-Signature': hex(BODY, 'sha256', KEY) },
        { secrets: [KEY.toString('hex')] },
      ],
      [
        'the second of two headers (Box primary/secondary)',
        sig({ headers: ['X-Primary', 'X-Secondary'] }),
        { 'X-Primary': hex('another body'), 'X-Secondary': hex(BODY) },
      ],
      [
        't=…,v1=…,v1=… with the timestamp from the list, any v1',
        stripeLike,
        { 'Acme-Signature': `t=${T}, v1=${hex('old')},v0=x, v1=${hex(withBody(`${T}.`))}` },
      ],
      [
        'ts=…;h1=… (Paddle)',
        d({
          signature: {
            headers: ['Paddle-Signature'],
            encoding: 'hex',
            list: { separator: ';', keyValue: '=', signatureKey: 'h1' },
          },
          signedContent: '{timestamp}:{body}',
          timestamp: { signatureField: 'ts', unit: 's' },
        }),
        { 'Paddle-Signature': `ts=${T};h1=${hex(withBody(`${T}:`))}` },
      ],
      [
        'v1,sig v1,sig with {id}, a whsec_ key (Standard Webhooks)',
        whsec,
        {
          'Webhook-Id': 'msg_1',
          'Webhook-Timestamp': T,
          'Webhook-Signature': `v1,${b64('x')} v1,${b64(withBody(`msg_1.${T}.`), 'sha256', KEY)}`,
        },
        { secrets: [`whsec_${KEY.toString('base64')}`] },
      ],
      [
        'space-separated plain values',
        sig({ list: { separator: ' ' } }),
        { 'X-Acme-Signature': `${hex('a')} ${hex(BODY)}` },
      ],
      [
        '{method}{url}{body}{timestamp} in ms (HubSpot v3)',
        hubspotLike,
        { 'X-Acme-Signature-V3': b64(withBody(`POST${URL}`, MS)), 'X-Acme-Timestamp': MS },
      ],
      [
        'an ISO-8601 timestamp, signed as sent (Zendesk)',
        tsHeader('iso8601'),
        { 'X-Acme-Signature': hex(withBody(ISO)), 'X-Acme-Timestamp': ISO },
      ],
      [
        'a timestamp from a body path, in ms',
        d({ timestamp: { path: 'sentAt', unit: 'ms', toleranceSeconds: 60 } }),
        { 'X-Acme-Signature': hex(BODY) },
        { now: new Date(1796644800000 + 59_000) },
      ],
      [
        'an old timestamp when options.toleranceSeconds is 0',
        tsHeader('s'),
        { 'X-Acme-Signature': hex(withBody('1000000000')), 'X-Acme-Timestamp': '1000000000' },
        { options: { toleranceSeconds: 0 } },
      ],
      [
        'the older secret during rotation',
        base,
        { 'X-Acme-Signature': hex(BODY) },
        { secrets: ['newer-secret', SECRET] },
        1,
      ],
    ],
  )('%s', (_case, descriptor, headers, extra = {}, secretIndex = 0) => {
    expect(verify(descriptor, headers, extra)).toEqual({ ok: true, secretIndex });
  });
});

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
