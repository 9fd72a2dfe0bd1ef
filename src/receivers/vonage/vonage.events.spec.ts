import { fixture, webhookRequest } from '../shared/receiver.spec-helpers';
import { vonageReceiver } from './vonage.receiver';

const normalize = (body: Buffer | string, contentType = 'application/json') => {
  const req = webhookRequest({}, Buffer.from(body), contentType);
  return vonageReceiver.normalize(req, vonageReceiver.parse(req));
};
const SMS_INBOUND =
  'msisdn=14843472194&to=13239877404&messageId=020000001B0FE827&text=Test+again&type=text&keyword=TEST&message-timestamp=2013-11-21+15%3A27%3A30&timestamp=1385047698';

describe('Vonage normalization', () => {
  it.each([
    [
      'a Messages status',
      fixture(__dirname, 'message-status.json'),
      'application/json',
      {
        type: 'message.status',
        providerDeliveryId: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab:delivered',
        occurredAt: new Date('2020-01-01T14:00:00.000Z'),
      },
    ],
    [
      'a Messages inbound message',
      '{"message_uuid":"m-1","channel":"sms","message_type":"text","text":"Hi","timestamp":"2020-01-01T14:00:00Z"}',
      'application/json',
      {
        type: 'message.inbound',
        providerDeliveryId: 'm-1',
        occurredAt: new Date('2020-01-01T14:00:00Z'),
      },
    ],
    [
      'a Voice call event',
      fixture(__dirname, 'voice-event.json'),
      'application/json',
      {
        type: 'call.status',
        providerDeliveryId: '63f61863-4a51-4f6b-86e1-46edebcf9356:answered',
        occurredAt: new Date('2020-01-01T12:00:00.000Z'),
      },
    ],
    [
      'a Voice recording event',
      '{"recording_uuid":"r-1","conversation_uuid":"CON-1"}',
      'application/json',
      {
        type: 'call.recording',
        providerDeliveryId: 'r-1',
      },
    ],
    [
      'an SMS API inbound form',
      SMS_INBOUND,
      'application/x-www-form-urlencoded',
      {
        type: 'sms.inbound',
        providerDeliveryId: '020000001B0FE827',
        occurredAt: new Date('2013-11-21T15:27:30Z'),
      },
    ],
    [
      'an SMS API delivery receipt',
      '{"messageId":"0A0000001234","status":"delivered","msisdn":"447700900000"}',
      'application/json',
      {
        type: 'sms.status',
        providerDeliveryId: '0A0000001234:delivered',
      },
    ],
    ['a body of unknown shape', '{"hello":"world"}', 'application/json', { type: 'unknown' }],
  ])('%s', (_case, body, contentType, expected) => {
    expect(normalize(body, contentType)).toEqual(expected);
  });

  it('refuses JSON that does not parse (400)', () => {
    expect(() => normalize('{"message_uuid":')).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('validates options: the scheme and the window', () => {
    expect(vonageReceiver.parseOptions!(undefined)).toEqual({
      signature: 'jwt',
      toleranceSeconds: 300,
    });
    expect(
      vonageReceiver.parseOptions!({ signature: 'sms-hmac-sha256', toleranceSeconds: 0 }),
    ).toEqual({
      signature: 'sms-hmac-sha256',
      toleranceSeconds: 0,
    });
    expect(() => vonageReceiver.parseOptions!({ signature: 'sha256' })).toThrow(
      /options\.signature must be one of jwt, sms-md5hash/,
    );
    expect(() => vonageReceiver.parseOptions!({ secret: 'x' })).toThrow(
      /options\.secret is not a Vonage option/,
    );
  });
});
