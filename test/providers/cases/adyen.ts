import { hmacValidator as HmacValidator } from '@adyen/api-library';
import { randomBytes } from 'node:crypto';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';
import { providerFixture } from './signed-json-case';

// @adyen/api-library src/__tests__/hmacValidator.spec.ts: key, item and published signature.
const KEY = 'DFB1EB5485895CFA84146406857104ABB4CBCABDC8AAF103A624C8F6A3EAAB00';
const NEXT_KEY = '11223344D785FBAE710E7F943F307971BB61B21281C98C9129B3D4018A57B2EB';
const DOCUMENTED_ITEM = JSON.parse(
  providerFixture('adyen', 'sdk-vector-item.json').toString(),
) as Record<string, unknown>;
/** The SDK's AUTHORISATION sample (src/__mocks__/notification/authorisationTrue.json). */
const AUTHORISATION = JSON.parse(providerFixture('adyen', 'authorisation-true.json').toString())
  .notificationItems[0].NotificationRequestItem as Record<string, any>;
const PATH = '/webhooks/adyen/shop';
const sdk = new HmacValidator();

const notification = (item: object) =>
  Buffer.from(
    JSON.stringify({ live: 'false', notificationItems: [{ NotificationRequestItem: item }] }),
  );
const request = (body: Buffer): WebhookRequest => ({
  path: PATH,
  headers: { 'content-type': 'application/json' },
  body,
});
/** The item with its hmacSignature made by the SDK's HmacValidator under `key`. */
const signedItem = (item: Record<string, any>, key: string) => {
  const additionalData = { ...item.additionalData };
  delete additionalData.hmacSignature;
  const unsigned = { ...item, additionalData };
  return {
    ...unsigned,
    additionalData: { ...additionalData, hmacSignature: sdk.calculateHmac(unsigned as any, key) },
  };
};

export const adyenCase: ProviderCase = {
  name: 'Adyen',
  provider: 'adyen',
  endpoint: 'shop',
  app: () => ({ endpoint: { provider: 'adyen', id: 'shop', secrets: [NEXT_KEY, KEY] } }),
  // A retry resends the same item; a key becomes the pspReference of the SDK's sample.
  sign: ({ key, body, secret }) =>
    request(
      body ??
        (key
          ? notification(signedItem({ ...AUTHORISATION, pspReference: key }, secret ?? KEY))
          : notification(secret ? signedItem(DOCUMENTED_ITEM, secret) : DOCUMENTED_ITEM)),
    ),
  secrets: [NEXT_KEY, KEY],
  foreignSecret: {
    make: () => randomBytes(32).toString('hex').toUpperCase(),
    message: /does not match its fields under any configured HMAC key/,
  },
  signatureHeaders: notApplicable(
    'each item carries its signature in additionalData.hmacSignature; unsigned items: adyen unit spec',
  ),
  secretHeaders: ['authorization'],
  documented: {
    type: 'REPORT_AVAILABLE',
    providerDeliveryId: 'pspReference:REPORT_AVAILABLE:true',
    payload: JSON.parse(notification(DOCUMENTED_ITEM).toString()),
  },
  acknowledgement: { contentType: 'text/plain; charset=utf-8', text: '[accepted]' },
  dedupe: { deliveryIdOf: (key) => `${key}:AUTHORISATION:true`, retryAfterMs: 120_000 },
  tamperings: [
    {
      label: 'another outcome (success) than the one signed',
      signedBody: notification(DOCUMENTED_ITEM),
      sentBody: notification({ ...DOCUMENTED_ITEM, success: 'false' }),
    },
    {
      label: 'another amount than the one signed',
      signedBody: notification(DOCUMENTED_ITEM),
      sentBody: notification({ ...DOCUMENTED_ITEM, amount: { currency: 'EUR', value: 1 } }),
    },
  ],
  timestampWindow: notApplicable('Adyen signs no timestamp; eventDate is not signed'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    {
      label: 'has a signed item without eventCode',
      request: () =>
        request(notification(signedItem({ ...AUTHORISATION, eventCode: undefined }, KEY))),
      message: /no eventCode/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
