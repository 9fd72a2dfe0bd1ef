import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { findReceiver } from '../receivers';
import { facebookMessengerReceiver as messenger } from './facebook-messenger.receiver';

const post = (rawBody: Buffer): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/messenger/page',
  query: {},
  headers: {},
  rawBody,
  contentType: 'application/json',
});
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const normalize = (body: Buffer) => messenger.normalize(post(body), messenger.parse(post(body)));

describe('Messenger receiver', () => {
  it('is reachable as facebook-messenger and messenger; Meta waits 20 s', () => {
    expect(findReceiver('messenger')).toBe(messenger);
    expect(findReceiver('facebook-messenger')).toBe(messenger);
    expect(messenger.ackDeadlineMs).toBe(20_000);
  });

  it.each<[string, string, string]>([
    ['text-message.json', 'page.message', '2016-03-23T00:25:52.478Z'],
    ['attachment-message.json', 'page.message', '2018-02-12T23:46:35.594Z'],
    // A read, a reaction and a message in two entries: one delivery, typed mixed.
    ['batch-mixed.json', 'page.mixed', '2016-03-22T17:47:36.463Z'],
  ])('normalizes %s to %s at the earliest entry time', (name, type, at) => {
    expect(normalize(fixture(name))).toEqual({
      type,
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date(at),
    });
  });

  it.each<[string, object, string]>([
    [
      'one kind in several entries',
      { entry: [entry('m_1', 'postback'), entry('m_2', 'postback')] },
      'page.postback',
    ],
    [
      'Page changes',
      { entry: [{ id: 'p', time: 1, changes: [{ field: 'feed', value: {} }] }] },
      'page.feed',
    ],
    [
      'a change and a message',
      { entry: [entry('m_1', 'message'), { id: 'p', changes: [{ field: 'feed' }] }] },
      'page.mixed',
    ],
    [
      'standby events',
      { entry: [{ id: 'p', standby: [{ sender: { id: 'u' }, message: { mid: 'm' } }] }] },
      'page.standby',
    ],
  ])('types %s as %s', (_case, body, type) => {
    expect(normalize(Buffer.from(JSON.stringify({ object: 'page', ...body }))).type).toBe(type);
  });

  it.each<[string, string]>([
    ['not JSON', '{"object":"page","entry":['],
    ['a JSON string', '"page"'],
    ['no entry', '{"object":"page"}'],
    ['an empty entry', '{"object":"page","entry":[]}'],
    ['no object', '{"entry":[{"id":"1","messaging":[{"message":{"mid":"m"}}]}]}'],
  ])('refuses a body with %s (400)', (_case, text) => {
    expect(() => normalize(Buffer.from(text))).toThrow(expect.objectContaining({ status: 400 }));
  });
});

function entry(mid: string, kind: string) {
  return { id: 'p', time: 1, messaging: [{ sender: { id: 'u' }, timestamp: 2, [kind]: { mid } }] };
}
