import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { postmarkReceiver as receiver } from './postmark.receiver';

// The sample payloads of postmarkapp.com/developer/webhooks/delivery-webhook and open-tracking-webhook.
const DELIVERY = fixture(__dirname, 'delivery.json');
const OPEN = fixture(__dirname, 'open.json');
const SECRET = 'postmark:webhook-password';
// Encoded here with Buffer, as a sender does (RFC 7617), not by src/ code.
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const sent = (headers: Record<string, string>, body = DELIVERY) => webhookRequest(headers, body);

describe('Postmark receiver', () => {
  it('accepts the Basic credentials under any configured user:password', () => {
    expect(
      verifyWith(receiver, sent({ authorization: basic(SECRET) }), ['postmark:next', SECRET]),
    ).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each<[string, Record<string, string>]>([
    ['no Authorization', {}],
    ['a wrong password', { authorization: basic('postmark:guess') }],
    ['the password alone', { authorization: basic('webhook-password') }],
  ])('refuses %s (401), never quoting a secret', (_case, headers) => {
    const result = verifyWith(receiver, sent(headers), [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(JSON.stringify(result)).not.toMatch(/webhook-password|guess/);
  });

  it('wants user:password secrets and no options', () => {
    expect(receiver.checkSecret!(SECRET)).toBeUndefined();
    expect(receiver.checkSecret!('webhook-password')).toMatch(/^must be user:password/);
    expect(() => receiver.parseOptions!({ token: 'x' })).toThrow(
      /^options\.token is not a Postmark option/,
    );
  });

  it.each([
    [
      DELIVERY,
      'Delivery',
      'Delivery:883953f4-6105-42a2-a16a-77a8eac79483:2019-11-05T16:33:54.9070259Z',
    ],
    [OPEN, 'Open', 'Open:883953f4-6105-42a2-a16a-77a8eac79483:2019-11-05T16:33:54.9070259Z'],
  ])('types by RecordType; the id is the kind, MessageID and time', (body, type, id) => {
    expect(normalizeWith(receiver, sent({}, body))).toEqual({
      type,
      providerDeliveryId: id,
      occurredAt: new Date('2019-11-05T16:33:54.907Z'),
    });
  });

  it('tells two opens of one message apart by their time', () => {
    const later = Buffer.from(OPEN.toString().replace('16:33:54', '17:01:02'));
    const first = normalizeWith(receiver, sent({}, OPEN)).providerDeliveryId;
    expect(normalizeWith(receiver, sent({}, later)).providerDeliveryId).not.toBe(first);
  });

  it('refuses a record without RecordType (400)', () => {
    expect(() => normalizeWith(receiver, sent({}, Buffer.from('{"MessageID":"m"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('RecordType') }),
    );
  });
});
