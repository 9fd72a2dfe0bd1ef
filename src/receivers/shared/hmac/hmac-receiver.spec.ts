import { createHash } from 'node:crypto';
import type { IncomingWebhook } from '../../receiver';
import type { HmacDescriptor } from './descriptor';
import { hmacReceiver } from './hmac-receiver';
import { acme, ACME } from './hmac-receiver.spec-helpers';

const BODY = Buffer.from(
  '{"event":{"type":"thing.created","id":"evt_1","at":"2026-12-07T11:59:00Z"},"n":7}',
);
const base = ACME;
const d = acme;
const ctx = { secrets: ['s'], options: {}, now: new Date() };

function request(
  method = 'POST',
  headers: Record<string, string> = {},
  query: Record<string, string> = {},
  rawBody = BODY,
): IncomingWebhook {
  return {
    method,
    url: 'https://h.example.com/w',
    query,
    headers,
    rawBody,
    contentType: undefined,
  };
}

describe('hmacReceiver: normalization', () => {
  const headers = {
    'x-acme-event': 'thing.updated',
    'x-acme-delivery': 'dlv_9',
    'x-acme-at': '2026-12-07T11:00:00Z',
  };
  it.each<[string, Partial<HmacDescriptor>, object]>([
    ['type from a body path', {}, { type: 'thing.created' }],
    ['type from a header', { type: { header: 'X-Acme-Event' } }, { type: 'thing.updated' }],
    ['one fixed type', { type: { fixed: 'change' } }, { type: 'change' }],
    [
      'id from a header',
      { id: { header: 'X-Acme-Delivery' } },
      { type: 'thing.created', providerDeliveryId: 'dlv_9' },
    ],
    [
      'id from a body path',
      { id: { path: 'event.id' } },
      { type: 'thing.created', providerDeliveryId: 'evt_1' },
    ],
    [
      'a number at the id path, as text',
      { id: { path: 'n' } },
      { type: 'thing.created', providerDeliveryId: '7' },
    ],
    [
      'a body hash when the provider sends no id',
      { id: 'body-hash' },
      {
        type: 'thing.created',
        providerDeliveryId: createHash('sha256').update(BODY).digest('hex'),
      },
    ],
    ['no id when absent', { id: { header: 'X-Missing' } }, { type: 'thing.created' }],
    [
      'occurredAt from a body path',
      { occurredAt: { path: 'event.at' } },
      { type: 'thing.created', occurredAt: new Date('2026-12-07T11:59:00Z') },
    ],
    [
      'occurredAt from a header',
      { occurredAt: { header: 'X-Acme-At' } },
      { type: 'thing.created', occurredAt: new Date('2026-12-07T11:00:00Z') },
    ],
    [
      'an unparseable occurredAt is left out',
      { occurredAt: { path: 'event.type' } },
      { type: 'thing.created' },
    ],
  ])('%s', (_case, over, expected) => {
    const receiver = hmacReceiver(d(over));
    const req = request('POST', headers);
    expect(receiver.normalize(req, receiver.parse(req))).toStrictEqual(expected);
  });

  it.each<[string, HmacDescriptor['type'], RegExp]>([
    ['a missing type header', { header: 'X-Acme-Event' }, /the X-Acme-Event header is missing/],
    ['a body without the type path', { path: 'event.kind' }, /the body has no "event.kind"/],
  ])('refuses %s (400)', (_case, type, message) => {
    const receiver = hmacReceiver(d({ type }));
    const req = request();
    expect(() => receiver.normalize(req, receiver.parse(req))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('parses a JSON object by default (400 otherwise), or with the descriptor parser', () => {
    expect(() => hmacReceiver(base).parse(request('POST', {}, {}, Buffer.from('[1]')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    const custom = hmacReceiver(d({ parse: (req) => req.rawBody.length }));
    expect(custom.parse(request())).toBe(BODY.length);
  });
});

describe('hmacReceiver: declared shape', () => {
  it('accepts application/json by default, or the content types given', () => {
    expect(hmacReceiver(base).contentTypes).toEqual(['application/json']);
    const form = ['application/x-www-form-urlencoded'];
    expect(hmacReceiver(d({ contentTypes: form })).contentTypes).toEqual(form);
  });

  it('carries name, aliases and the ack deadline; POST only without a handshake', () => {
    const receiver = hmacReceiver(d({ aliases: ['acme-co'], ackDeadlineMs: 5_000 }));
    expect(receiver).toMatchObject({ name: 'acme', aliases: ['acme-co'], ackDeadlineMs: 5_000 });
    expect(receiver.methods).toBeUndefined();
    expect(receiver.handshakeBeforeVerify).toBeUndefined();
  });
});

describe('hmacReceiver: handshakes', () => {
  const echo = hmacReceiver(d({ handshake: { kind: 'echo-query', param: 'challenge' } }));
  const head = hmacReceiver(d({ handshake: { kind: 'plain-200', method: 'HEAD' } }));

  it.each([
    [
      'echo-query: GET ?challenge= echoed as text/plain, nosniff',
      echo,
      request('GET', {}, { challenge: 'c<1>' }),
      {
        status: 200,
        headers: {
          'content-type': 'text/plain; charset=utf-8',
          'x-content-type-options': 'nosniff',
        },
        body: 'c<1>',
      },
    ],
    ['echo-query: a GET without the parameter', echo, request('GET'), undefined],
    ['echo-query: an empty parameter', echo, request('GET', {}, { challenge: '' }), undefined],
    ['echo-query: a POST carrying it', echo, request('POST', {}, { challenge: 'c' }), undefined],
    ['plain-200: HEAD', head, request('HEAD'), { status: 200 }],
    ['plain-200: POST', head, request('POST'), undefined],
  ])('%s', (_case, receiver, req, expected) => {
    expect(receiver.handshakeBeforeVerify!(req, ctx)).toStrictEqual(expected);
  });

  it('accepts the handshake method besides POST', () => {
    expect(echo.methods).toEqual(['GET', 'POST']);
    expect(head.methods).toEqual(['HEAD', 'POST']);
  });
});

describe('hmacReceiver: options', () => {
  const timed = d({ signedContent: '{timestamp}.{body}', timestamp: { header: 'T', unit: 's' } });

  it.each<[string, HmacDescriptor, Record<string, unknown> | undefined, object]>([
    ['none', base, undefined, {}],
    ['an empty block', base, {}, {}],
    [
      'toleranceSeconds when a timestamp is signed',
      timed,
      { toleranceSeconds: 60 },
      { toleranceSeconds: 60 },
    ],
    ['the default window left to the descriptor', timed, {}, {}],
  ])('%s', (_case, descriptor, options, expected) => {
    expect(hmacReceiver(descriptor).parseOptions!(options)).toEqual(expected);
  });

  it.each<[string, HmacDescriptor, Record<string, unknown>, RegExp]>([
    [
      'an unknown option, naming the provider',
      base,
      { code: 'x' },
      /^options\.code is not a Acme option; remove it \(Acme takes none\)/,
    ],
    [
      'toleranceSeconds without a signed timestamp',
      base,
      { toleranceSeconds: 5 },
      /^options\.toleranceSeconds is not a Acme option/,
    ],
    [
      'a negative toleranceSeconds',
      timed,
      { toleranceSeconds: -1 },
      /^options\.toleranceSeconds must be a whole number/,
    ],
  ])('refuses %s', (_case, descriptor, options, message) => {
    expect(() => hmacReceiver(descriptor).parseOptions!(options)).toThrow(message);
  });

  it('uses the descriptor parser when it has one', () => {
    const receiver = hmacReceiver(d({ parseOptions: () => ({ custom: true }) as never }));
    expect(receiver.parseOptions!({ anything: 1 })).toEqual({ custom: true });
  });
});

describe('hmacReceiver: a contradictory descriptor is refused when it is built', () => {
  it.each<[string, Partial<HmacDescriptor>, RegExp]>([
    [
      'an unknown placeholder',
      { signedContent: '{body}{host}' },
      /\{host\} is not a placeholder; use \{body\} \{timestamp\} \{id\} \{url\} \{method\}/,
    ],
    [
      '{timestamp} without a timestamp',
      { signedContent: '{timestamp}.{body}' },
      /\{timestamp\} needs a timestamp/,
    ],
    [
      '{id} without an id',
      { signedContent: '{id}.{body}' },
      /\{id\} needs an id from a header or a body path/,
    ],
    [
      '{id} from a body hash',
      { signedContent: '{id}.{body}', id: 'body-hash' },
      /\{id\} needs an id/,
    ],
    [
      'no signature header',
      { signature: { headers: [], encoding: 'hex' } },
      /signature\.headers names no header/,
    ],
    [
      'a keyed list without its key',
      { signature: { headers: ['S'], encoding: 'hex', list: { separator: ',', keyValue: '=' } } },
      /signature\.list has a keyValue separator but no signatureKey/,
    ],
    [
      'a timestamp field without a list',
      { timestamp: { signatureField: 't', unit: 's' } },
      /timestamp\.signatureField needs a signature\.list/,
    ],
    ['neither type nor normalize', { type: undefined }, /names neither type nor normalize/],
  ])('%s', (_case, over, message) => {
    expect(() => hmacReceiver(d(over))).toThrow(/^The Acme descriptor: |signedContent: /);
    expect(() => hmacReceiver(d(over))).toThrow(message);
  });
});
