import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPaypalReceiver } from '../../../src/receivers/paypal/paypal.receiver';
import { RECEIVERS } from '../../../src/receivers/receivers';
import {
  fakePaypalFetch,
  paypalHeaders,
  TEST_CERT_URL,
  TEST_WEBHOOK_ID,
} from '../../helpers/paypal-delivery';
import { paypalTestPki } from '../../helpers/paypal-pki';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const PAYPAL_CAPTURE = readFileSync(
  join(__dirname, '../../../src/receivers/paypal/fixtures/payment-capture-completed.json'),
);
const EVENT_ID = 'WH-58D329510W468432D-8HN650336L201105X';
const PATH = '/webhooks/paypal/shop';

/** Signed with a throwaway PKI shaped like PayPal's (test/helpers/paypal-pki.ts), by node:crypto. */
function signed(body: Buffer, at: Date, keyPem = paypalTestPki().leafKeyPem): WebhookRequest {
  return { path: PATH, headers: paypalHeaders({ body, keyPem, now: at }), body };
}

export const paypalCase: ProviderCase = {
  name: 'PayPal',
  provider: 'paypal',
  endpoint: 'shop',
  // Offline verification: the certificate comes from PAYPAL-CERT-URL, served by a fake fetch.
  app: () => {
    const pki = paypalTestPki();
    const paypal = fakePaypalFetch({
      [`GET ${TEST_CERT_URL}`]: () => new Response(pki.chain, { status: 200 }),
    });
    return {
      endpoint: {
        provider: 'paypal',
        id: 'shop',
        options: { webhookId: TEST_WEBHOOK_ID, caPem: pki.rootPem },
      },
      receivers: RECEIVERS.map((r) =>
        r.name === 'paypal' ? createPaypalReceiver({ fetch: paypal.fetch }) : r,
      ),
      // Just after the test certificates were made, so they are valid.
      clockStart: new Date(Date.now() + 60_000),
    };
  },
  // Every attempt is a new transmission (new PAYPAL-TRANSMISSION-ID), the event id stays.
  sign: ({ at, key, body, secret }) =>
    signed(
      body ??
        (key ? Buffer.from(PAYPAL_CAPTURE.toString().replace(EVENT_ID, key)) : PAYPAL_CAPTURE),
      at,
      secret,
    ),
  secrets: notApplicable("PayPal signs with its certificate's private key; no shared secret"),
  foreignSecret: {
    make: () =>
      generateKeyPairSync('rsa', { modulusLength: 2048 })
        .privateKey.export({ type: 'pkcs8', format: 'pem' })
        .toString(),
    message: /does not match/,
  },
  signatureHeaders: ['paypal-transmission-sig'],
  secretHeaders: [],
  documented: {
    type: 'PAYMENT.CAPTURE.COMPLETED',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(PAYPAL_CAPTURE.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'its amount changed after signing',
      signedBody: PAYPAL_CAPTURE,
      sentBody: Buffer.from(PAYPAL_CAPTURE.toString().replace('2.51', '25.10')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: [],
  malformed: [
    { label: 'is not JSON', request: (at) => signed(Buffer.from('{"id":"WH-1",'), at) },
    {
      label: 'has no event_type',
      request: (at) => signed(Buffer.from('{"id":"WH-2"}'), at),
      message: /event_type/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
