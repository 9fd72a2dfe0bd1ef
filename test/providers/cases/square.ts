import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

// The body of square-nodejs-sdk's first published vector: a webhooks.test_notification.
const TEST_NOTIFICATION = providerFixture('square', 'test-notification.json');
const EVENT_ID = 'ac3ac95b-f97d-458c-a6e6-18981597e05f';
const NOTIFICATION_URL = 'https://hooks.example.com/webhooks/square/payments';

/**
 * Signed as square-nodejs-sdk's WebhooksHelper checks it, with node:crypto: base64
 * HMAC-SHA256 of the notification URL followed by the body. The endpoint's publicUrl is that
 * URL, as registered in Square.
 */
export const squareCase = signedJsonCase({
  name: 'Square',
  provider: 'square',
  endpoint: 'payments',
  secrets: ['square-e2e-next-signature-key', 'square-e2e-signature-key'],
  foreignSecret: () => 'another-subscription-signature-key',
  fixture: TEST_NOTIFICATION,
  idInFixture: EVENT_ID,
  endpointExtras: { publicUrl: NOTIFICATION_URL },
  headers: ({ body, secret }) => ({
    'x-square-hmacsha256-signature': createHmac('sha256', secret)
      .update(NOTIFICATION_URL)
      .update(body)
      .digest('base64'),
  }),
  signatureHeaders: ['x-square-hmacsha256-signature'],
  documented: {
    type: 'webhooks.test_notification',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(TEST_NOTIFICATION.toString()),
  },
  tampering: {
    label: 'another merchant after signing',
    from: 'MLEFBHHSJGVHD',
    to: 'MLOTHERMERCHANT',
  },
  malformed: [
    { label: 'is not JSON', body: '{"type":' },
    {
      label: 'has no type',
      body: '{"data":{"type":"webhooks","id":"fake_id"}}',
      message: /"type"/,
    },
  ],
});
