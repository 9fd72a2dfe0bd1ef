import { hmacValidator as HmacValidator } from '@adyen/api-library';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { adyenReceiver } from './adyen.receiver';
import { adyenSignedString } from './adyen.signature';

// @adyen/api-library src/__tests__/hmacValidator.spec.ts: the published key, item and signature.
const KEY = 'DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00';
const OTHER_KEY = '11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB';
const sdk = new HmacValidator();
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as {
    notificationItems: { NotificationRequestItem: Record<string, any> }[];
  };
/** The SDK spec's item and signature, as published (fixtures/sdk-vector-item.json). */
const VECTOR_ITEM = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'sdk-vector-item.json'), 'utf8'),
) as Record<string, any>;

const request = (body: unknown, headers: Record<string, string> = {}): IncomingWebhook => ({
  method: 'POST',
  url: 'https://hooks.example/webhooks/adyen/shop',
  query: {},
  headers: { 'content-type': 'application/json', ...headers },
  rawBody: Buffer.from(JSON.stringify(body)),
  contentType: 'application/json',
});
const ctx = (secrets: string[]) => ({ secrets, options: {}, now: new Date() });
const notification = (...items: object[]) => ({
  live: 'false',
  notificationItems: items.map((item) => ({ NotificationRequestItem: item })),
});
/** Sign an item with the SDK's own HmacValidator. */
const signed = (item: Record<string, any>, key = KEY) => {
  const copy = { ...item, additionalData: { ...item.additionalData } };
  delete copy.additionalData.hmacSignature;
  copy.additionalData.hmacSignature = sdk.calculateHmac(copy as any, key);
  return copy;
};

describe('adyen receiver', () => {
  it('builds the SDK test data string and accepts its published signature', () => {
    expect(adyenSignedString(VECTOR_ITEM)).toBe(
      'pspReference:originalReference:merchantAccount:reference:1000:EUR:REPORT_AVAILABLE:true',
    );
    expect(adyenReceiver.verify(request(notification(VECTOR_ITEM)), ctx([KEY]))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('agrees with the SDK validator on the SDK sample notifications, signed by the SDK', () => {
    for (const name of ['authorisation-true.json', 'refund-false.json']) {
      const item = signed(fixture(name).notificationItems[0].NotificationRequestItem, OTHER_KEY);
      expect(sdk.validateHMAC(item as any, OTHER_KEY)).toBe(true);
      expect(adyenReceiver.verify(request(notification(item)), ctx([KEY, OTHER_KEY]))).toEqual({
        ok: true,
        secretIndex: 1,
      });
    }
  });

  it('refuses a batch when any one item is unsigned or changed', () => {
    const good = signed(VECTOR_ITEM);
    const changed = { ...signed({ ...VECTOR_ITEM, pspReference: 'B' }), success: 'false' };
    for (const bad of [changed, { ...VECTOR_ITEM, additionalData: {} }]) {
      const result = adyenReceiver.verify(request(notification(good, bad)), ctx([KEY]));
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringMatching(/notificationItems\[1\]/),
      });
    }
  });

  it('requires the Basic credentials when the endpoint holds some', () => {
    const body = notification(VECTOR_ITEM);
    const basic = `Basic ${Buffer.from('adyen:pa:ss').toString('base64')}`;
    expect(adyenReceiver.verify(request(body), ctx(['adyen:pa:ss', KEY]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Basic/),
    });
    expect(
      adyenReceiver.verify(request(body, { authorization: basic }), ctx(['adyen:pa:ss', KEY])),
    ).toEqual({ ok: true, secretIndex: 1 });
    expect(
      adyenReceiver.verify(request(body, { authorization: basic }), ctx(['adyen:pa:ss'])),
    ).toMatchObject({ ok: false, message: expect.stringMatching(/no HMAC key/) });
  });

  it('checks secrets: a 64-hex HMAC key or user:password', () => {
    expect(adyenReceiver.checkSecret!(KEY)).toBeUndefined();
    expect(adyenReceiver.checkSecret!('user:password')).toBeUndefined();
    expect(adyenReceiver.checkSecret!('DFB1EB54')).toMatch(/64 hex characters/);
  });

  it('normalizes type, delivery id and time; a batch gets a content-derived id', () => {
    const item = fixture('authorisation-true.json').notificationItems[0].NotificationRequestItem;
    const body = notification(item);
    expect(adyenReceiver.normalize(request(body), body)).toEqual({
      type: 'AUTHORISATION',
      providerDeliveryId: '123456789:AUTHORISATION:true',
      occurredAt: new Date('2017-01-19T15:42:03Z'),
    });
    const batch = notification(item, { ...item, eventCode: 'CAPTURE' });
    expect(adyenReceiver.normalize(request(batch), batch)).toMatchObject({
      type: 'mixed',
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const noCode = notification({ ...item, eventCode: undefined });
    expect(() => adyenReceiver.normalize(request(noCode), noCode)).toThrow(/no eventCode/);
  });

  it('answers [accepted] as text', () => {
    expect(adyenReceiver.acknowledge!({ id: 'd1', duplicate: false })).toMatchObject({
      status: 200,
      body: '[accepted]',
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  });
});
