import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Response } from 'plivo/dist/utils/plivoxml';
import type { IncomingWebhook } from '../receiver';
import { EMPTY_PLIVO_XML } from './plivo.acknowledge';
import { plivoReceiver } from './plivo.receiver';
import { formParams } from '../shared/sorted-params';
import { plivoV2Content, plivoV3Content, signPlivo } from './plivo.signature';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const URL_ = 'https://hooks.example.com/webhooks/plivo/voice?app=1';
const TOKEN = 'plivo-auth-token';
const NONCE = '05429567804466091622';

function request(body: Buffer, headers: Record<string, string>): IncomingWebhook {
  return {
    method: 'POST',
    url: URL_,
    query: { app: '1' },
    headers,
    rawBody: body,
    contentType: 'application/x-www-form-urlencoded',
  };
}
const v3Headers = (body: Buffer, token = TOKEN) => ({
  'x-plivo-signature-v3': signPlivo(token, plivoV3Content(URL_, NONCE, formParams(body))),
  'x-plivo-signature-v3-nonce': NONCE,
});
const v2Headers = (token = TOKEN) => ({
  'x-plivo-signature-v2': signPlivo(token, plivoV2Content(URL_, NONCE)),
  'x-plivo-signature-v2-nonce': NONCE,
});
const verify = (req: IncomingWebhook, acceptV2 = true) =>
  plivoReceiver.verify(req, { secrets: ['old', TOKEN], options: { acceptV2 }, now: new Date() });
const SMS = fixture('inbound-sms.txt');

describe('Plivo verification', () => {
  it('accepts V3, V2, and the main-account headers', () => {
    expect(verify(request(SMS, v3Headers(SMS)))).toEqual({ ok: true, secretIndex: 1 });
    expect(verify(request(SMS, v2Headers()))).toEqual({ ok: true, secretIndex: 1 });
    const ma = { 'x-plivo-signature-ma-v3': v3Headers(SMS)['x-plivo-signature-v3'] };
    expect(verify(request(SMS, { ...ma, 'x-plivo-signature-v3-nonce': NONCE }))).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['no signature header', {}, /Neither X-Plivo-Signature-V3 nor X-Plivo-Signature-V2/],
    ['a V3 without nonce', { 'x-plivo-signature-v3': 'x' }, /V3-Nonce is missing/],
    ['a V2 without nonce', { 'x-plivo-signature-v2': 'x' }, /V2-Nonce is missing/],
    ['a wrong token', v3Headers(SMS, 'wrong'), /does not match .*publicUrl/],
    ['a failing V3 beside a valid V2', { ...v2Headers(), ...v3Headers(SMS, 'x') }, /V3 does/],
  ])('refuses %s', (_case, headers, message) => {
    expect(verify(request(SMS, headers))).toMatchObject({ ok: false, message });
  });

  it('refuses a tampered body under V3', () => {
    const tampered = Buffer.from(SMS.toString().replace('Hello', 'Hallo'));
    expect(verify(request(tampered, v3Headers(SMS)))).toMatchObject({ ok: false });
  });

  it('refuses V2 when options.acceptV2 is false', () => {
    expect(verify(request(SMS, v2Headers()), false)).toMatchObject({
      ok: false,
      message: expect.stringContaining('acceptV2'),
    });
  });

  it('never quotes the expected signature or the token', () => {
    const result = verify(request(SMS, v3Headers(SMS, 'wrong')));
    const expected = v3Headers(SMS)['x-plivo-signature-v3'];
    expect(JSON.stringify(result)).not.toContain(expected);
    expect(JSON.stringify(result)).not.toContain(TOKEN);
  });

  it('refuses a form that is not UTF-8 as unsigned (401)', () => {
    const body = Buffer.from([0x42, 0x3d, 0xff]);
    expect(verify(request(body, v2Headers()))).toMatchObject({ ok: false, reason: 'signature' });
  });
});

describe('Plivo normalization, acknowledgement and options', () => {
  const normalize = (body: Buffer) => {
    const req = request(body, {});
    return plivoReceiver.normalize(req, plivoReceiver.parse(req));
  };
  it.each([
    ['inbound-sms.txt', 'message', '2c4e8a4e-3a36-11ef-9f2f-0242ac110002'],
    ['message-status.txt', 'message.status', '2c4e8a4e-3a36-11ef-9f2f-0242ac110002:delivered'],
    ['call-hangup.txt', 'call.hangup', '97ceeb52-58b6-11e1-86da-77300b68f8bb:completed'],
  ])('%s', (name, type, providerDeliveryId) => {
    expect(normalize(fixture(name))).toEqual({ type, providerDeliveryId });
  });

  it('types an answer-URL request as call, and an unknown form by its EventName', () => {
    expect(normalize(Buffer.from('CallUUID=c1&CallStatus=ringing'))).toEqual({
      type: 'call',
      providerDeliveryId: 'c1:ringing',
    });
    expect(normalize(Buffer.from('EventName=SessionFirstPartyAnswer'))).toEqual({
      type: 'SessionFirstPartyAnswer',
    });
  });

  it('answers an empty Plivo XML document, as plivo-node prints it', () => {
    expect(new Response().toXML()).toBe(EMPTY_PLIVO_XML);
    expect(plivoReceiver.acknowledge!({ id: 'd1', duplicate: true })).toMatchObject({
      status: 200,
      headers: { 'content-type': 'text/xml; charset=utf-8', 'x-hookgate-duplicate': 'true' },
      body: EMPTY_PLIVO_XML,
    });
  });

  it('takes acceptV2 only', () => {
    expect(plivoReceiver.parseOptions!(undefined)).toEqual({ acceptV2: true });
    expect(plivoReceiver.parseOptions!({ acceptV2: false })).toEqual({ acceptV2: false });
    expect(() => plivoReceiver.parseOptions!({ acceptV2: 'no' })).toThrow(/true or false/);
    expect(() => plivoReceiver.parseOptions!({ url: 'x' })).toThrow(/not a Plivo option/);
  });
});
