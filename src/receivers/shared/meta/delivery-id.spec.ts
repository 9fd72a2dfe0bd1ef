import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, metaDeliveryId } from './delivery-id';
import { metaEvents } from './events';

const FIXTURES = [
  'instagram/fixtures/comments.json',
  'instagram/fixtures/story-insights.json',
  'instagram/fixtures/messaging.json',
  'whatsapp/fixtures/text-message.json',
  'whatsapp/fixtures/status-delivered.json',
  'facebook-messenger/fixtures/text-message.json',
  'facebook-messenger/fixtures/attachment-message.json',
  'facebook-messenger/fixtures/batch-mixed.json',
];
const raw = (path: string) => readFileSync(join(__dirname, '../..', path), 'utf8');
const idOf = (payload: unknown) => metaDeliveryId(metaEvents(payload));
const clone = <T>(value: T): T => structuredClone(value);

/** The same JSON with every object's keys in reverse order. */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversed(v)]),
  );
}

describe('the Meta delivery id', () => {
  it.each(FIXTURES)(
    'is a SHA-256 hex, the same for a redelivery of %s written differently',
    (path) => {
      const first = idOf(JSON.parse(raw(path)));
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      // Other key order, indentation, and literal characters where Meta wrote \u escapes and \/.
      const rewritten = JSON.stringify(reversed(JSON.parse(raw(path))), null, 3);
      expect(rewritten).not.toBe(raw(path));
      expect(idOf(JSON.parse(rewritten))).toBe(first);
    },
  );

  it('is the hash of the documented identity list, computed here independently', () => {
    // WhatsApp: [object, entry id, kind, "message:<messages[].id>"], the list as JSON.
    const identity = [
      [
        'whatsapp_business_account',
        '102290129340398',
        'messages',
        'message:wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      ],
    ];
    const expected = createHash('sha256').update(JSON.stringify(identity)).digest('hex');
    expect(idOf(JSON.parse(raw('whatsapp/fixtures/text-message.json')))).toBe(expected);
  });

  it('does not depend on the order of the entries or items of a batch', () => {
    const batch = JSON.parse(raw('facebook-messenger/fixtures/batch-mixed.json'));
    const swapped = clone(batch);
    swapped.entry.reverse();
    swapped.entry[1].messaging.reverse();
    expect(idOf(swapped)).toBe(idOf(batch));
  });

  type Edit = (payload: any) => void;
  it.each<[string, string, Edit]>([
    [
      'another message mid',
      'facebook-messenger/fixtures/text-message.json',
      (p) => (p.entry[0].messaging[0].message.mid = 'm_other'),
    ],
    [
      'another sender',
      'facebook-messenger/fixtures/text-message.json',
      (p) => (p.entry[0].messaging[0].sender.id = '99'),
    ],
    [
      'another event timestamp',
      'facebook-messenger/fixtures/text-message.json',
      (p) => (p.entry[0].messaging[0].timestamp += 1),
    ],
    [
      'another entry (Page)',
      'facebook-messenger/fixtures/text-message.json',
      (p) => (p.entry[0].id = '1'),
    ],
    [
      'an unreact instead of a react',
      'facebook-messenger/fixtures/batch-mixed.json',
      (p) => (p.entry[0].messaging[1].reaction.action = 'unreact'),
    ],
    [
      'a later read watermark',
      'facebook-messenger/fixtures/batch-mixed.json',
      (p) => (p.entry[0].messaging[0].read.watermark += 1),
    ],
    [
      'one more item in the batch',
      'facebook-messenger/fixtures/batch-mixed.json',
      (p) => p.entry[1].messaging.push({ ...p.entry[1].messaging[0], timestamp: 1 }),
    ],
    ['one item fewer', 'facebook-messenger/fixtures/batch-mixed.json', (p) => p.entry.pop()],
    [
      'another WhatsApp message id',
      'whatsapp/fixtures/text-message.json',
      (p) => (p.entry[0].changes[0].value.messages[0].id = 'wamid.other'),
    ],
    [
      'the status read after delivered',
      'whatsapp/fixtures/status-delivered.json',
      (p) => (p.entry[0].changes[0].value.statuses[0].status = 'read'),
    ],
    ['another object', 'whatsapp/fixtures/text-message.json', (p) => (p.object = 'page')],
    [
      'another comment text',
      'instagram/fixtures/comments.json',
      (p) => (p.entry[0].changes[0].value.text = 'x'),
    ],
    [
      'another field',
      'instagram/fixtures/comments.json',
      (p) => (p.entry[0].changes[0].field = 'live_comments'),
    ],
    [
      'another entry time on a change without its own',
      'instagram/fixtures/story-insights.json',
      (p) => (p[0].entry[0].time += 3600),
    ],
  ])('differs for %s', (_case, path, edit) => {
    const payload = JSON.parse(raw(path));
    const changed = clone(payload);
    edit(changed);
    expect(idOf(changed)).not.toBe(idOf(payload));
  });

  it.each<[string, string, Edit]>([
    [
      'a restamped entry time on messaging',
      'facebook-messenger/fixtures/text-message.json',
      (p) => (p.entry[0].time += 5000),
    ],
    [
      'another attachment URL (signed CDN link)',
      'facebook-messenger/fixtures/attachment-message.json',
      (p) => (p.entry[0].messaging[0].message.attachments[0].payload.url += '&x=1'),
    ],
    [
      'other pricing on a WhatsApp status',
      'whatsapp/fixtures/status-delivered.json',
      (p) => (p.entry[0].changes[0].value.statuses[0].pricing.category = 'service'),
    ],
  ])('stays the same for %s (the item has its own id)', (_case, path, edit) => {
    const payload = JSON.parse(raw(path));
    const changed = clone(payload);
    edit(changed);
    expect(idOf(changed)).toBe(idOf(payload));
  });
});

describe('canonicalJson', () => {
  it.each<[unknown, string]>([
    [
      { b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } },
      '{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}',
    ],
    ['é/☕', '"é/☕"'],
    [[2, 1], '[2,1]'],
    [undefined, 'null'],
  ])('%j → %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });
});
