import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { trelloReceiver } from './trello.receiver';

const action = readFileSync(join(__dirname, 'fixtures/update-card.json'));
const SECRET = 'trello-application-secret';
const sign = (url: string) =>
  createHmac('sha1', SECRET)
    .update(action.toString('utf8') + url)
    .digest('base64');

function request(
  method: string,
  url: string,
  headers: Record<string, string> = {},
): IncomingWebhook {
  return {
    method,
    url,
    query: {},
    headers,
    rawBody: method === 'POST' ? action : Buffer.alloc(0),
    contentType: 'application/json',
  };
}

describe('Trello options', () => {
  it.each([
    [undefined, {}],
    [
      { callbackUrl: 'https://hooks.example.com/t?board=1' },
      { callbackUrl: 'https://hooks.example.com/t?board=1' },
    ],
  ])('%j → %j', (options, expected) => {
    expect(trelloReceiver.parseOptions!(options)).toEqual(expected);
  });

  it.each([
    [
      { callbackUrl: 'hooks.example.com/t' },
      /^options\.callbackUrl must be the absolute http\(s\) callbackURL/,
    ],
    [{ callbackUrl: 'ftp://hooks.example.com/t' }, /^options\.callbackUrl must be/],
    [{ callbackUrl: 42 }, /^options\.callbackUrl must be/],
    [
      { callbackURL: 'https://x' },
      /^options\.callbackURL is not a Trello option; remove it \(known: callbackUrl\)/,
    ],
  ])('%j is refused', (options, message) => {
    expect(() => trelloReceiver.parseOptions!(options)).toThrow(message);
  });
});

describe('Trello receiver', () => {
  const publicUrl = 'https://hooks.example.com/webhooks/trello/boards';
  const registered = 'https://hooks.example.com/webhooks/trello/boards?source=trello';

  it.each([
    [
      'the endpoint URL (publicUrl) without callbackUrl',
      request('POST', publicUrl, { 'x-trello-webhook': sign(publicUrl) }),
      {},
      true,
    ],
    [
      'options.callbackUrl over the endpoint URL',
      request('POST', publicUrl, { 'x-trello-webhook': sign(registered) }),
      { callbackUrl: registered },
      true,
    ],
    [
      'the endpoint URL when callbackUrl says otherwise',
      request('POST', publicUrl, { 'x-trello-webhook': sign(publicUrl) }),
      { callbackUrl: registered },
      false,
    ],
    ['no X-Trello-Webhook', request('POST', publicUrl), {}, false],
  ])('verifies against %s', (_case, req, options, ok) => {
    expect(
      trelloReceiver.verify(req, { secrets: [SECRET], options, now: new Date() }),
    ).toMatchObject({ ok });
  });

  it('answers HEAD with 200 before verification and nothing else', () => {
    const ctx = { secrets: [SECRET], options: {}, now: new Date() };
    expect(trelloReceiver.handshakeBeforeVerify!(request('HEAD', publicUrl), ctx)).toEqual({
      status: 200,
    });
    expect(trelloReceiver.handshakeBeforeVerify!(request('POST', publicUrl), ctx)).toBeUndefined();
    expect(trelloReceiver.methods).toEqual(['HEAD', 'POST']);
  });

  it('normalizes action.type, action.id and action.date', () => {
    const req = request('POST', publicUrl);
    expect(trelloReceiver.normalize(req, trelloReceiver.parse(req))).toEqual({
      type: 'updateCard',
      providerDeliveryId: '5a4a7d1b6f0fb7c5a14e2d11',
      occurredAt: new Date('2018-01-01T18:24:27.223Z'),
    });
  });

  it('refuses a body without action.type (400)', () => {
    expect(() => trelloReceiver.normalize(request('POST', publicUrl), { model: {} })).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
