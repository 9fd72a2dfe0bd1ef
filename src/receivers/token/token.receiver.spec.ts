import type { IncomingWebhook } from '../receiver';
import { tokenReceiver as receiver } from './token.receiver';

const SECRET = 'ops-token-0123456789';
const BODY = Buffer.from('{"alert":{"kind":"disk.full","id":"a-9"}}');
const parse = (options: Record<string, unknown> | undefined) => receiver.parseOptions!(options);

function request(headers: Record<string, string>, query: Record<string, string> = {}) {
  const req: IncomingWebhook = {
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/token/ops',
    query,
    headers,
    rawBody: BODY,
  };
  return req;
}

const verify = (options: Record<string, unknown>, req: IncomingWebhook) =>
  receiver.verify(req, {
    secrets: ['older-token-abcdef', SECRET],
    options: parse(options),
    now: new Date(),
  });

describe('token provider options', () => {
  it.each<[Record<string, unknown>, object]>([
    [{ header: 'X-Api-Key' }, { header: 'X-Api-Key' }],
    [{ query: 'code' }, { query: 'code' }],
    [
      { header: 'X-Ops-Token', idFrom: 'body:alert.id', typeFrom: 'header:X-Kind' },
      { header: 'X-Ops-Token', idFrom: { path: 'alert.id' }, typeFrom: { header: 'X-Kind' } },
    ],
  ])('%j → %j', (options, expected) => {
    expect(parse(options)).toEqual(expected);
  });

  it.each<[Record<string, unknown> | undefined, RegExp]>([
    [undefined, /^options\.header or options\.query is required, exactly one/],
    [
      { header: 'X-Api-Key', query: 'code' },
      /^options\.header or options\.query is required, exactly one/,
    ],
    [{ header: 'X Api Key' }, /^options\.header must be an HTTP header name/],
    [{ header: 7 }, /^options\.header must be an HTTP header name/],
    [{ query: 'a&b' }, /^options\.query must be a query parameter name/],
    [
      { query: 'code', token: 'x' },
      /^options\.token is not a token option; remove it \(known: header, query, idFrom, typeFrom\)/,
    ],
    [
      { query: 'code', idFrom: 'id' },
      /^options\.idFrom must be "header:NAME" or "body:json\.path"/,
    ],
    [{ query: 'code', typeFrom: 'query:t' }, /^options\.typeFrom must be/],
  ])('%j is refused', (options, message) => {
    expect(() => parse(options)).toThrow(message);
  });

  it('names the token header as secret, and no header for a query token', () => {
    expect(receiver.secretHeadersFor!(parse({ header: 'X-Ops-Token' }))).toEqual(['x-ops-token']);
    expect(receiver.secretHeadersFor!(parse({ query: 'code' }))).toEqual([]);
  });
});

describe('token provider verify', () => {
  it.each<[string, Record<string, unknown>, IncomingWebhook]>([
    ['a header token', { header: 'X-Api-Key' }, request({ 'x-api-key': SECRET })],
    ['a query token', { query: 'code' }, request({}, { code: SECRET })],
  ])('accepts %s, trying every secret', (_name, options, req) => {
    expect(verify(options, req)).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each<[string, Record<string, unknown>, IncomingWebhook, RegExp]>([
    ['no header', { header: 'X-Api-Key' }, request({}), /^X-Api-Key is missing\.$/],
    ['an empty header', { header: 'X-Api-Key' }, request({ 'x-api-key': '' }), /is missing/],
    [
      'a wrong header token',
      { header: 'X-Api-Key' },
      request({ 'x-api-key': 'guess' }),
      /^X-Api-Key does not match any configured secret\.$/,
    ],
    [
      'a prefix of the token',
      { header: 'X-Api-Key' },
      request({ 'x-api-key': SECRET.slice(0, -1) }),
      /does not match/,
    ],
    [
      'the token in the query, not the header',
      { header: 'X-Api-Key' },
      request({}, { 'x-api-key': SECRET }),
      /is missing/,
    ],
    [
      'no query parameter',
      { query: 'code' },
      request({}),
      /^The "code" query parameter is missing\.$/,
    ],
    [
      'a wrong query token',
      { query: 'code' },
      request({}, { code: 'guess' }),
      /^The "code" query parameter does not match/,
    ],
    [
      'the token in a header, not the query',
      { query: 'code' },
      request({ code: SECRET }),
      /is missing/,
    ],
  ])('refuses %s', (_name, options, req, message) => {
    const result = verify(options, req);
    expect(result).toEqual({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
    expect(JSON.stringify(result)).not.toContain(SECRET);
  });
});

describe('token provider normalize', () => {
  const payload = JSON.parse(BODY.toString());
  it.each<[Record<string, unknown>, object]>([
    [{ query: 'code' }, { type: 'ops' }],
    [
      { query: 'code', typeFrom: 'body:alert.kind', idFrom: 'body:alert.id' },
      { type: 'disk.full', providerDeliveryId: 'a-9' },
    ],
    [
      { query: 'code', typeFrom: 'header:X-Kind', idFrom: 'header:X-Id' },
      { type: 'cpu.high', providerDeliveryId: 'h-1' },
    ],
  ])('%j → %j', (options, expected) => {
    const req = request({ 'x-kind': 'cpu.high', 'x-id': 'h-1' });
    expect(receiver.normalize(req, payload, { endpoint: 'ops', options: parse(options) })).toEqual(
      expected,
    );
  });

  it.each([
    [{ query: 'code', typeFrom: 'body:kind' }, 'the body has no "kind"'],
    [{ query: 'code', typeFrom: 'header:X-Kind' }, 'the X-Kind header is missing'],
  ])('refuses a request without the typeFrom field: %j', (options, message) => {
    const ctx = { endpoint: 'ops', options: parse(options) };
    expect(() => receiver.normalize(request({}), payload, ctx)).toThrow(message);
  });
});
