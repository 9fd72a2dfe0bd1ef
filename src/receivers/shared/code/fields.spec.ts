import { createHash } from 'node:crypto';
import type { IncomingWebhook } from '../../receiver';
import type { CodeDescriptor } from './descriptor';
import { hashOfFields, isoInstant, normalizeCodeFields } from './fields';

const request = (headers: Record<string, string> = {}): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/x/y',
  query: {},
  headers,
  rawBody: Buffer.alloc(0),
});

/** The documented recipe, computed here with node:crypto: SHA-256 of JSON [[path, value]…]. */
const sha256OfFields = (fields: [string, string | null][]) =>
  createHash('sha256').update(JSON.stringify(fields)).digest('hex');

describe('hashOfFields', () => {
  const form = { type: 'subscribe', fired_at: '2009-03-26 21:35:57', 'data[id]': '8a25ff1d98' };

  it('hashes [path, value] pairs in order, null for an absent field', () => {
    expect(hashOfFields(form, ['type', 'data[id]', 'data[email]'])).toBe(
      sha256OfFields([
        ['type', 'subscribe'],
        ['data[id]', '8a25ff1d98'],
        ['data[email]', null],
      ]),
    );
  });

  it('reads dot paths into JSON, numbers as text', () => {
    const json = { context: { id: '/rules/r1', n: 7 } };
    expect(hashOfFields(json, ['context.id', 'context.n'])).toBe(
      sha256OfFields([
        ['context.id', '/rules/r1'],
        ['context.n', '7'],
      ]),
    );
  });

  it('cannot be fooled by moving text from one field to the next', () => {
    const a = hashOfFields({ x: 'a|b', y: 'c' }, ['x', 'y']);
    const b = hashOfFields({ x: 'a', y: 'b|c' }, ['x', 'y']);
    expect(a).not.toBe(b);
  });
});

describe('isoInstant', () => {
  it.each([
    ['2019-03-22T13:58:24.3713213Z', '2019-03-22T13:58:24.371Z'],
    ['2016-09-19T13:03:27Z', '2016-09-19T13:03:27.000Z'],
    ['2020-01-01T01:00:00+01:00', '2020-01-01T00:00:00.000Z'],
    ['2020-01-01T01:00:00+0100', '2020-01-01T00:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(isoInstant(text)?.toISOString()).toBe(iso);
  });

  it.each([
    ['Mailchimp fired_at, no zone', '2009-03-26 21:35:57'],
    ['a classic web test timestamp', '12/13/2017 20:53:57'],
    ['a date-time without a zone', '2016-09-19T13:03:27'],
    ['a date only', '2016-09-19'],
    ['garbage', 'yesterday'],
    ['an impossible date', '2016-13-45T99:00:00Z'],
    ['nothing', undefined],
  ])('leaves out %s rather than guess its zone', (_name, text) => {
    expect(isoInstant(text)).toBeUndefined();
  });
});

describe('normalizeCodeFields', () => {
  const base: CodeDescriptor = {
    name: 'x',
    title: 'X',
    contentTypes: ['application/json'],
    body: 'json',
    type: { path: 'event.kind' },
  };
  const payload = { event: { kind: 'deploy', at: '2024-05-01T10:00:00Z' }, Identifier: 'body-id' };

  it.each<[string, Partial<CodeDescriptor>, Record<string, string>, object]>([
    ['a type only', {}, {}, { type: 'deploy' }],
    ['a fixed type', { type: { fixed: 'change' } }, {}, { type: 'change' }],
    [
      'the first id source present (header first)',
      { id: [{ header: 'X-Event-Id' }, { path: 'Identifier' }] },
      { 'x-event-id': 'header-id' },
      { type: 'deploy', providerDeliveryId: 'header-id' },
    ],
    [
      'the next id source when the first is absent',
      { id: [{ header: 'X-Event-Id' }, { path: 'Identifier' }] },
      {},
      { type: 'deploy', providerDeliveryId: 'body-id' },
    ],
    [
      'a hashed id',
      { id: { hashOf: ['event.kind'] } },
      {},
      { type: 'deploy', providerDeliveryId: sha256OfFields([['event.kind', 'deploy']]) },
    ],
    [
      'an ISO occurredAt',
      { occurredAt: { path: 'event.at' } },
      {},
      { type: 'deploy', occurredAt: new Date('2024-05-01T10:00:00Z') },
    ],
  ])('%s', (_name, overrides, headers, expected) => {
    expect(normalizeCodeFields({ ...base, ...overrides }, request(headers), payload)).toEqual(
      expected,
    );
  });

  it('refuses a body without the type field (400 malformed)', () => {
    expect(() => normalizeCodeFields(base, request(), { event: {} })).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('"event.kind"') }),
    );
  });
});
