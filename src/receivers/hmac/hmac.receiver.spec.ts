import { createHmac } from 'node:crypto';
import type { IncomingWebhook, ReceiverContext } from '../receiver';
import type { GenericHmacOptions } from './hmac.options';
import { genericHmacReceiver as receiver } from './hmac.receiver';

const SECRET = 'erp-shared-secret';
const BODY = Buffer.from('{"event":{"type":"order.paid","id":42},"amount":5}');
const NOW = new Date('2026-11-27T12:00:00Z');
const T = String(NOW.getTime() / 1000);
const URL = 'https://hooks.example.com/webhooks/hmac/erp';
const KEY = Buffer.from('0123456789abcdef0123456789abcdef');

const mac = (content: string | Buffer, algorithm = 'sha256', key: string | Buffer = SECRET) =>
  createHmac(algorithm, key).update(content);
const hex = (content: string | Buffer, algorithm?: string) => mac(content, algorithm).digest('hex');
const withBody = (before: string) => Buffer.concat([Buffer.from(before), BODY]);

function request(headers: Record<string, string>, body: Buffer = BODY): IncomingWebhook {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return { method: 'POST', url: URL, query: {}, headers: lower, rawBody: body };
}

const parse = (options: Record<string, unknown> | undefined) => receiver.parseOptions!(options);

function verify(
  options: Record<string, unknown>,
  headers: Record<string, string>,
  body: Buffer = BODY,
) {
  const ctx: ReceiverContext<GenericHmacOptions> = {
    secrets: ['an-older-secret', SECRET],
    options: parse(options),
    now: NOW,
  };
  return receiver.verify(request(headers, body), ctx);
}

describe('hmac provider verify', () => {
  it.each<[string, Record<string, unknown>, Record<string, string>]>([
    ['the defaults', { header: 'X-Sig' }, { 'X-Sig': hex(BODY) }],
    ['sha1', { header: 'X-Sig', algorithm: 'sha1' }, { 'X-Sig': hex(BODY, 'sha1') }],
    ['sha512', { header: 'X-Sig', algorithm: 'sha512' }, { 'X-Sig': hex(BODY, 'sha512') }],
    ['base64', { header: 'X-Sig', encoding: 'base64' }, { 'X-Sig': mac(BODY).digest('base64') }],
    [
      'base64url',
      { header: 'X-Sig', encoding: 'base64url' },
      { 'X-Sig': mac(BODY).digest('base64url') },
    ],
    ['a prefix', { header: 'X-Sig', prefix: 'sha256=' }, { 'X-Sig': `sha256=${hex(BODY)}` }],
    [
      '{timestamp}.{body}, seconds',
      { header: 'X-Sig', signedContent: '{timestamp}.{body}', timestampHeader: 'X-Ts' },
      { 'X-Sig': hex(withBody(`${T}.`)), 'X-Ts': T },
    ],
    [
      'milliseconds',
      {
        header: 'X-Sig',
        signedContent: '{timestamp}.{body}',
        timestampHeader: 'X-Ts',
        timestampUnit: 'ms',
      },
      { 'X-Sig': hex(withBody(`${NOW.getTime()}.`)), 'X-Ts': String(NOW.getTime()) },
    ],
    [
      '{method} {url} {id} from a header',
      { header: 'X-Sig', signedContent: '{method} {url} {id} {body}', idFrom: 'header:X-Id' },
      { 'X-Sig': hex(withBody(`POST ${URL} d-1 `)), 'X-Id': 'd-1' },
    ],
    [
      '{id} from a body path',
      { header: 'X-Sig', signedContent: '{id}:{body}', idFrom: 'body:event.id' },
      { 'X-Sig': hex(withBody('42:')) },
    ],
    [
      'a base64 key after a prefix',
      { header: 'X-Sig', keyEncoding: 'base64', keyPrefix: 'whsec_' },
      { 'X-Sig': mac(BODY, 'sha256', KEY).digest('hex') },
    ],
  ])('accepts %s', (_name, options, headers) => {
    const secrets = options.keyEncoding ? [`whsec_${KEY.toString('base64')}`] : [SECRET];
    const ctx = { secrets, options: parse(options), now: NOW };
    expect(receiver.verify(request(headers), ctx)).toEqual({ ok: true, secretIndex: 0 });
  });

  it('tries every configured secret', () => {
    expect(verify({ header: 'X-Sig' }, { 'X-Sig': hex(BODY) })).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, string>, RegExp, string?, Buffer?]>([
    ['no signature header', { header: 'X-Sig' }, {}, /^X-Sig is missing\.$/],
    [
      'a wrong secret',
      { header: 'X-Sig' },
      { 'X-Sig': mac(BODY, 'sha256', 'wrong').digest('hex') },
      /does not match the body/,
    ],
    [
      'a tampered body',
      { header: 'X-Sig' },
      { 'X-Sig': hex(BODY) },
      /does not match/,
      undefined,
      Buffer.from('{}'),
    ],
    [
      'the wrong algorithm',
      { header: 'X-Sig', algorithm: 'sha512' },
      { 'X-Sig': hex(BODY) },
      /does not match/,
    ],
    [
      'a missing prefix',
      { header: 'X-Sig', prefix: 'sha256=' },
      { 'X-Sig': hex(BODY) },
      /does not match/,
    ],
    [
      'no timestamp',
      { header: 'X-Sig', signedContent: '{timestamp}.{body}', timestampHeader: 'X-Ts' },
      { 'X-Sig': hex(withBody(`${T}.`)) },
      /^X-Ts is missing or not a whole number of seconds\.$/,
    ],
    [
      'a stale timestamp',
      { header: 'X-Sig', signedContent: '{timestamp}.{body}', timestampHeader: 'X-Ts' },
      { 'X-Sig': hex(withBody(`${Number(T) - 301}.`)), 'X-Ts': String(Number(T) - 301) },
      /./,
      'stale-timestamp',
    ],
    [
      'a timestamp that is not the signed one',
      { header: 'X-Sig', signedContent: '{timestamp}.{body}', timestampHeader: 'X-Ts' },
      { 'X-Sig': hex(withBody(`${T}.`)), 'X-Ts': String(Number(T) + 1) },
      /does not match the timestamp and body/,
    ],
    [
      'no id',
      { header: 'X-Sig', signedContent: '{id}:{body}', idFrom: 'header:X-Id' },
      { 'X-Sig': hex(withBody('d-1:')) },
      /^X-Id is missing\.$/,
    ],
  ])('refuses %s', (_name, options, headers, message, reason = 'signature', body = BODY) => {
    const result = verify(options, headers, body);
    expect(result).toEqual({ ok: false, reason, message: expect.stringMatching(message) });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('hmac provider normalize', () => {
  const payload = JSON.parse(BODY.toString());
  const headers = { 'x-type': 'invoice.sent', 'x-id': 'del-7' };
  it.each<[Record<string, unknown>, { type: string; providerDeliveryId?: string }]>([
    [{ header: 'X-Sig' }, { type: 'erp' }],
    [{ header: 'X-Sig', typeFrom: 'body:event.type' }, { type: 'order.paid' }],
    [{ header: 'X-Sig', typeFrom: 'header:X-Type' }, { type: 'invoice.sent' }],
    [
      { header: 'X-Sig', idFrom: 'header:X-Id' },
      { type: 'erp', providerDeliveryId: 'del-7' },
    ],
    [
      { header: 'X-Sig', idFrom: 'body:event.id' },
      { type: 'erp', providerDeliveryId: '42' },
    ],
  ])('%j → %j', (options, expected) => {
    const req = { ...request({}), headers };
    expect(receiver.normalize(req, payload, { endpoint: 'erp', options: parse(options) })).toEqual(
      expected,
    );
  });

  it('refuses a body without the typeFrom path', () => {
    const options = parse({ header: 'X-Sig', typeFrom: 'body:kind' });
    expect(() => receiver.normalize(request({}), payload, { endpoint: 'erp', options })).toThrow(
      'the body has no "kind"',
    );
  });
});
