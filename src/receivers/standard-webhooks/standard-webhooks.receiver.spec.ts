import type { IncomingWebhook } from '../receiver';
import contactCreated from './fixtures/contact-created.json';
import { readStandardWebhookHeaders } from './standard-webhooks.headers';
import { standardWebhooksReceiver as receiver } from './standard-webhooks.receiver';

const request = (
  headers: Record<string, string>,
  body: unknown = contactCreated,
): IncomingWebhook => ({
  method: 'POST',
  url: 'http://localhost/webhooks/standard-webhooks/x',
  query: {},
  headers,
  rawBody: Buffer.from(JSON.stringify(body)),
  contentType: 'application/json',
});

describe('Standard Webhooks receiver', () => {
  it.each([
    [
      'webhook-* headers',
      { 'webhook-id': 'a', 'webhook-timestamp': '1', 'webhook-signature': 's' },
      { id: 'a', timestamp: '1', signature: 's' },
    ],
    [
      'svix-* headers',
      { 'svix-id': 'b', 'svix-timestamp': '2', 'svix-signature': 't' },
      { id: 'b', timestamp: '2', signature: 't' },
    ],
    [
      'both families, never mixed',
      { 'webhook-id': 'a', 'svix-id': 'b', 'svix-timestamp': '2', 'svix-signature': 't' },
      { id: 'a', timestamp: undefined, signature: undefined },
    ],
  ])('reads %s', (_case, headers, expected) => {
    expect(readStandardWebhookHeaders(headers)).toEqual(expected);
  });

  it('normalizes the spec example: body type, webhook-id, and the event timestamp', () => {
    const req = request({ 'webhook-id': 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W' });
    expect(receiver.normalize(req, receiver.parse(req))).toEqual({
      type: 'contact.created',
      providerDeliveryId: 'msg_2KWPBgLlAfxdpx2AI54pPJ85f4W',
      occurredAt: new Date('2022-11-03T20:26:10.344Z'),
    });
  });

  it('takes the delivery id from svix-id for Svix senders, and leaves out an unparseable time', () => {
    const req = request(
      { 'svix-id': 'msg_svix' },
      { type: 'email.delivered', timestamp: 'yesterday' },
    );
    expect(receiver.normalize(req, receiver.parse(req))).toEqual({
      type: 'email.delivered',
      providerDeliveryId: 'msg_svix',
      occurredAt: undefined,
    });
  });

  it.each([
    ['no type', { data: {} }],
    ['a non-string type', { type: 42 }],
  ])('refuses a body with %s (400)', (_case, body) => {
    const req = request({ 'webhook-id': 'x' }, body);
    expect(() => receiver.normalize(req, receiver.parse(req))).toThrow(/"type"/);
  });

  it.each([
    [undefined, { toleranceSeconds: 300 }],
    [{}, { toleranceSeconds: 300 }],
    [{ toleranceSeconds: 0 }, { toleranceSeconds: 0 }],
    [{ toleranceSeconds: 600 }, { toleranceSeconds: 600 }],
  ])('parses options %j', (options, expected) => {
    expect(receiver.parseOptions!(options)).toEqual(expected);
  });

  it.each([
    [{ toleranceSeconds: -1 }, /^options\.toleranceSeconds must be a whole number/],
    [{ toleranceSeconds: 1.5 }, /^options\.toleranceSeconds must be a whole number/],
    [{ toleranceSeconds: '300' }, /^options\.toleranceSeconds must be a whole number/],
    [
      { tolerance: 300 },
      /^options\.tolerance is not a known option; the only option here is toleranceSeconds/,
    ],
  ])('refuses options %j at start-up', (options, message) => {
    expect(() => receiver.parseOptions!(options)).toThrow(message);
  });

  it('routes the svix alias here and accepts only JSON', () => {
    expect(receiver.aliases).toEqual(['svix']);
    expect(receiver.contentTypes).toEqual(['application/json']);
  });
});
