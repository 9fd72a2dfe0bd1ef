import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { pusherReceiver } from './pusher.receiver';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const request = (body: Buffer | string): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example.com/webhooks/pusher/app',
  query: {},
  headers: {},
  rawBody: Buffer.from(body),
  contentType: 'application/json',
});
const normalize = (body: Buffer | string) => {
  const req = request(body);
  return pusherReceiver.normalize(req, pusherReceiver.parse(req));
};

describe('Pusher normalization', () => {
  it('types a single event by its name, at time_ms', () => {
    expect(normalize(fixture('channel-occupied.json'))).toEqual({
      type: 'channel_occupied',
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date(1327078148132),
    });
  });

  it('types a batch of different events as mixed', () => {
    expect(normalize(fixture('batch.json')).type).toBe('mixed');
  });

  it('types a batch of one kind of event by that kind', () => {
    const body = JSON.stringify({
      time_ms: 1,
      events: [
        { name: 'member_added', channel: 'presence-a', user_id: '1' },
        { name: 'member_added', channel: 'presence-a', user_id: '2' },
      ],
    });
    expect(normalize(body).type).toBe('member_added');
  });

  it('keys the delivery on time_ms and the events, ignoring whitespace', () => {
    const compact = normalize(fixture('channel-occupied.json')).providerDeliveryId;
    const spaced = normalize(
      JSON.stringify(JSON.parse(fixture('channel-occupied.json').toString()), null, 2),
    );
    const later = normalize(
      fixture('channel-occupied.json').toString().replace('148132', '148133'),
    );
    expect(spaced.providerDeliveryId).toBe(compact);
    expect(later.providerDeliveryId).not.toBe(compact);
  });

  it.each([
    ['no events', '{"time_ms":1}', /"events" is not a list of events/],
    ['empty events', '{"time_ms":1,"events":[]}', /"events" is not a list of events/],
    [
      'an event without a name',
      '{"time_ms":1,"events":[{"channel":"a"}]}',
      /events\[0\] has no "name"/,
    ],
    ['an event that is no object', '{"time_ms":1,"events":[null]}', /events\[0\] has no "name"/],
    ['no time_ms', '{"events":[{"name":"a"}]}', /"time_ms" is not a time in milliseconds/],
    ['time_ms as text', '{"time_ms":"1","events":[{"name":"a"}]}', /"time_ms"/],
  ])('refuses %s (400)', (_case, body, message) => {
    expect(() => normalize(body)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('refuses a body that is not a JSON object (400)', () => {
    expect(() => pusherReceiver.parse(request('[1]'))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});

describe('Pusher options', () => {
  it('takes none', () => {
    expect(pusherReceiver.parseOptions!(undefined)).toEqual({});
    expect(() => pusherReceiver.parseOptions!({ appKey: 'x' })).toThrow(
      /^options\.appKey is not a Pusher option; remove it \(Pusher takes none\)/,
    );
  });
});
