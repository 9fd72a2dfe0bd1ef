import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { messagingKind, metaEvents } from './events';

const fixture = (path: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../..', path), 'utf8'));

describe('metaEvents', () => {
  it('flattens every entry and every item of a batch, in order, with its entry', () => {
    const events = metaEvents(fixture('facebook-messenger/fixtures/batch-mixed.json'));
    expect(
      events.map(({ object, entryId, time, kind, source }) => [
        object,
        entryId,
        time,
        kind,
        source,
      ]),
    ).toEqual([
      ['page', '682498302938465', 1458668856463, 'read', 'messaging'],
      ['page', '682498302938465', 1458668856463, 'reaction', 'messaging'],
      ['page', '682498302938465', 1458692752478, 'message', 'messaging'],
    ]);
    expect(events[1].item).toMatchObject({ reaction: { emoji: '\u2764\ufe0f', action: 'react' } });
  });

  it('gives a change its field as kind and the change { field, value } as item', () => {
    const [event] = metaEvents(fixture('whatsapp/fixtures/text-message.json'));
    expect(event).toEqual({
      object: 'whatsapp_business_account',
      entryId: '102290129340398',
      kind: 'messages',
      source: 'changes',
      item: expect.objectContaining({
        field: 'messages',
        value: expect.objectContaining({ messaging_product: 'whatsapp' }),
      }),
    });
    expect(event).not.toHaveProperty('time'); // WhatsApp entries carry none
  });

  it('reads the array form of an envelope (as in Meta Instagram examples)', () => {
    expect(metaEvents(fixture('instagram/fixtures/story-insights.json'))).toEqual([
      expect.objectContaining({
        object: 'instagram',
        entryId: '17841405309211844',
        time: 1547687043,
        kind: 'story_insights',
      }),
    ]);
  });

  it('reads changes, messaging and standby items of one entry, and a numeric entry id as text', () => {
    const events = metaEvents({
      object: 'page',
      entry: [
        {
          id: 42,
          time: 1,
          changes: [{ field: 'feed', value: { item: 'comment', verb: 'add' } }],
          messaging: [
            { sender: { id: 'u' }, recipient: { id: 'p' }, timestamp: 2, postback: { mid: 'm_1' } },
          ],
          standby: [
            { sender: { id: 'u' }, recipient: { id: 'p' }, timestamp: 3, message: { mid: 'm_2' } },
          ],
        },
      ],
    });
    expect(events.map((e) => [e.entryId, e.kind, e.source])).toEqual([
      ['42', 'feed', 'changes'],
      ['42', 'postback', 'messaging'],
      ['42', 'standby', 'standby'],
    ]);
    expect(messagingKind(events[2].item)).toBe('message');
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a message that also carries a referral',
      { message: { mid: 'm' }, referral: { ref: 'ad' } },
      'message',
    ],
    ['a read receipt', { read: { watermark: 1 } }, 'read'],
    [
      'a delivery receipt without timestamp',
      { delivery: { mids: ['m'], watermark: 1 } },
      'delivery',
    ],
    ['a policy enforcement', { 'policy-enforcement': { action: 'block' } }, 'policy-enforcement'],
    ['an event key Meta adds later', { brand_new_event: { x: 1 } }, 'brand_new_event'],
  ])('names the kind of %s', (_case, event, kind) => {
    expect(
      messagingKind({ sender: { id: 'u' }, recipient: { id: 'p' }, timestamp: 1, ...event }),
    ).toBe(kind);
  });

  it.each<[string, unknown, RegExp]>([
    ['a body that is not an object', 'text', /the body is not a JSON object/],
    ['null', null, /the body is not a JSON object/],
    ['an empty array', [], /the body is an empty array/],
    ['no object', { entry: [{ id: '1', changes: [] }] }, /"object" is missing/],
    ['an empty object name', { object: '', entry: [{ id: '1' }] }, /"object" is missing/],
    ['no entry', { object: 'page' }, /"entry" is missing or empty/],
    ['an empty entry', { object: 'page', entry: [] }, /"entry" is missing or empty/],
    [
      'an entry that is not an array',
      { object: 'page', entry: { id: '1' } },
      /"entry" is missing or empty/,
    ],
    [
      'an entry without id',
      { object: 'page', entry: [{ time: 1, messaging: [] }] },
      /entry\[0\] has no id/,
    ],
    ['an entry that is no object', { object: 'page', entry: ['x'] }, /entry\[0\] is not an object/],
    [
      'changes that are not an array',
      { object: 'page', entry: [{ id: '1', changes: {} }] },
      /entry\[0\]\.changes is not an array/,
    ],
    [
      'a change without field',
      { object: 'page', entry: [{ id: '1', changes: [{ value: {} }] }] },
      /entry\[0\]\.changes\[0\] has no field/,
    ],
    [
      'a messaging item that is no object',
      { object: 'page', entry: [{ id: '1', messaging: [1] }] },
      /entry\[0\]\.messaging\[0\] is not an object/,
    ],
    [
      'a messaging item naming no event',
      { object: 'page', entry: [{ id: '1', messaging: [{ sender: {}, timestamp: 1 }] }] },
      /a messaging item names no event/,
    ],
    [
      'entries without any item',
      {
        object: 'page',
        entry: [
          { id: '1', time: 1 },
          { id: '2', changes: [] },
        ],
      },
      /no entry holds changes, messaging or standby items/,
    ],
    [
      'an array of envelopes of two objects',
      [
        { object: 'page', entry: [{ id: '1', changes: [{ field: 'feed' }] }] },
        { object: 'instagram', entry: [{ id: '2', changes: [{ field: 'comments' }] }] },
      ],
      /name different objects/,
    ],
    [
      'an array holding a non-envelope',
      [{ object: 'page', entry: [{ id: '1', changes: [{ field: 'feed' }] }] }, 7],
      /^The body could not be parsed: \[1\] is not a JSON object\.$/,
    ],
  ])('refuses %s (400)', (_case, payload, message) => {
    expect(() => metaEvents(payload)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });
});
