import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { instagramReceiver } from './instagram.receiver';

const post = (name: string): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/instagram/brand',
  query: {},
  headers: {},
  rawBody: readFileSync(join(__dirname, 'fixtures', name)),
  contentType: 'application/json',
});
const normalize = (name: string) => {
  const req = post(name);
  return instagramReceiver.normalize(req, instagramReceiver.parse(req));
};

describe('Instagram receiver', () => {
  it.each<[string, string, string]>([
    ['comments.json', 'instagram.comments', '2025-11-27T11:59:58.000Z'], // entry.time in seconds
    ['story-insights.json', 'instagram.story_insights', '2019-01-17T01:04:03.000Z'],
    ['messaging.json', 'instagram.message', '2025-11-27T11:59:59.123Z'], // entry.time in ms
  ])('normalizes %s to %s, occurred at %s, with a derived delivery id', (name, type, at) => {
    expect(normalize(name)).toEqual({
      type,
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date(at),
    });
  });

  it('gives each documented delivery its own id', () => {
    const ids = ['comments.json', 'story-insights.json', 'messaging.json'].map(
      (name) => normalize(name).providerDeliveryId,
    );
    expect(new Set(ids).size).toBe(3);
  });

  it('answers the hub.* handshake with the endpoint verify token, on GET besides POST', () => {
    const options = instagramReceiver.parseOptions!({ verifyToken: 'meatyhamhock' });
    const req: IncomingWebhook = {
      ...post('comments.json'),
      method: 'GET',
      rawBody: Buffer.alloc(0),
      query: {
        'hub.mode': 'subscribe',
        'hub.challenge': '1158201444',
        'hub.verify_token': 'meatyhamhock',
      },
    };
    expect(
      instagramReceiver.handshakeBeforeVerify!(req, { secrets: [], options, now: new Date() }),
    ).toMatchObject({
      status: 200,
      body: '1158201444',
    });
    expect(instagramReceiver.methods).toEqual(['GET', 'POST']);
  });

  it.each<[Record<string, unknown> | undefined, RegExp]>([
    [
      undefined,
      /^options\.verifyToken is required: the Verify Token you typed in the Meta app dashboard\.$/,
    ],
    [
      { verifyToken: 't', appSecret: 's' },
      /^options\.appSecret is not a Instagram option; remove it \(known: allowSha1, verifyToken\)/,
    ],
  ])('refuses options %j at start-up', (options, message) => {
    expect(() => instagramReceiver.parseOptions!(options)).toThrow(message);
  });
});
