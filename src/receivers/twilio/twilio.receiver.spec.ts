import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import twilio from 'twilio';
import type { IncomingWebhook } from '../receiver';
import { EMPTY_TWIML } from './twilio.acknowledge';
import { twilioReceiver } from './twilio.receiver';

const FORM_TYPE = 'application/x-www-form-urlencoded';
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

function request(
  body: Buffer | string,
  headers: Record<string, string> = {},
  contentType = FORM_TYPE,
): IncomingWebhook {
  return {
    method: 'POST',
    url: 'https://hooks.example.com/t',
    query: {},
    headers,
    rawBody: Buffer.from(body),
    contentType,
  };
}
const normalize = (req: IncomingWebhook) =>
  twilioReceiver.normalize(req, twilioReceiver.parse(req));
const SID = 'SM1f0e8ae6ade43cb3c0ce4525424e404f';
const CALL = 'CA1234567890ABCDE';

describe('Twilio normalization', () => {
  it.each([
    [
      'an incoming SMS',
      request(fixture('incoming-sms.txt')),
      { type: 'message', providerDeliveryId: `${SID}:received` },
    ],
    [
      'a message status callback',
      request(fixture('message-status.txt')),
      { type: 'message.status', providerDeliveryId: `${SID}:delivered` },
    ],
    [
      'an incoming call (vector (a) params)',
      request(
        `CallSid=${CALL}&Caller=%2B14158675309&Digits=1234&From=%2B14158675309&To=%2B18005551212`,
      ),
      { type: 'call', providerDeliveryId: CALL },
    ],
    [
      'a ringing call',
      request(`CallSid=${CALL}&CallStatus=ringing&From=%2B1&To=%2B2`),
      { type: 'call', providerDeliveryId: `${CALL}:ringing` },
    ],
    [
      'a call status callback',
      request(
        `CallSid=${CALL}&CallStatus=completed&CallbackSource=call-progress-events&SequenceNumber=3`,
      ),
      { type: 'call.status', providerDeliveryId: `${CALL}:completed` },
    ],
    [
      'the idempotency token when Twilio sends one',
      request(fixture('incoming-sms.txt'), { 'i-twilio-idempotency-token': 'tok-1' }),
      { type: 'message', providerDeliveryId: 'tok-1' },
    ],
    [
      'a JSON body with EventType',
      request('{"EventType":"onMessageAdded","MessageSid":""}', {}, 'application/json'),
      { type: 'onMessageAdded', providerDeliveryId: undefined },
    ],
    [
      'a JSON body of unknown shape',
      request('{"property": "value", "boolean": true}', {}, 'application/json'),
      { type: 'unknown', providerDeliveryId: undefined },
    ],
  ])('%s', (_case, req, expected) => {
    expect(normalize(req)).toEqual(expected);
  });

  it('stores repeated form keys as arrays and decodes values', () => {
    const payload = twilioReceiver.parse(request('To=%2B1&To=%2B2&Body=Caf%C3%A9+au+lait'));
    expect(payload).toEqual({ To: ['+1', '+2'], Body: 'Café au lait' });
  });

  it('refuses a signed JSON body that does not parse (400)', () => {
    expect(() => twilioReceiver.parse(request('{"oops":', {}, 'application/json'))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('refuses a form that is not UTF-8 as unsigned (401), not as malformed', () => {
    const result = twilioReceiver.verify(
      request(Buffer.from([0x42, 0x3d, 0xff]), { 'x-twilio-signature': 'x' }),
      {
        secrets: ['t'],
        options: {},
        now: new Date(),
      },
    );
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
  });
});

describe('Twilio acknowledgement and options', () => {
  it('answers empty TwiML, the same bytes twilio-node prints for an empty response', () => {
    expect(new twilio.twiml.MessagingResponse().toString()).toBe(EMPTY_TWIML);
    expect(twilioReceiver.acknowledge!({ id: 'd1', duplicate: false })).toEqual({
      status: 200,
      headers: {
        'content-type': 'text/xml; charset=utf-8',
        'x-hookgate-delivery-id': 'd1',
        'x-hookgate-duplicate': 'false',
      },
      body: EMPTY_TWIML,
    });
  });

  it('takes no options', () => {
    expect(twilioReceiver.parseOptions!(undefined)).toEqual({});
    expect(() => twilioReceiver.parseOptions!({ url: 'https://x' })).toThrow(
      /^options\.url is not a Twilio option; remove it/,
    );
  });
});
