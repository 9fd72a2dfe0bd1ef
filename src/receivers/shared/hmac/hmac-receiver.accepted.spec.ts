import type { HmacDescriptor } from './descriptor';
import {
  SECRET,
  BODY,
  T,
  MS,
  ISO,
  URL,
  KEY,
  mac,
  hex,
  b64,
  withBody,
  base,
  d,
  sig,
  stripeLike,
  tsHeader,
  whsec,
  hubspotLike,
  hubLike,
  verify,
} from './hmac-receiver.verify.spec-helpers';

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
        'a legacy signature alone, the endpoint opted in',
        hubLike,
        { 'X-Acme-Signature': `sha1=${hex(BODY, 'sha1')}` },
        { options: { allowSha1: true } },
      ],
      [
        'the primary signature, a stale legacy one beside it, without the opt-in',
        hubLike,
        { 'X-Acme-Signature-256': `sha256=${hex(BODY)}`, 'X-Acme-Signature': 'sha1=0000' },
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
