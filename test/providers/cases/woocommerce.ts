import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const ORDER = readFileSync(
  join(__dirname, '../../../src/receivers/woocommerce/fixtures/order-created.json'),
);
export const WOOCOMMERCE_SECRET = 'wc-e2e-webhook-secret';
const NEXT_SECRET = 'wc-e2e-next-webhook-secret';
export const WOOCOMMERCE_PATH = '/webhooks/woocommerce/shop';
const DELIVERY = '9c1f0e2d3b4a59687f6e5d4c3b2a1908';

/** Signed as WC_Webhook::generate_signature does (base64 HMAC-SHA256 of the body), node:crypto. */
const signed = (
  body: Buffer,
  secret = WOOCOMMERCE_SECRET,
  delivery = DELIVERY,
): WebhookRequest => ({
  path: WOOCOMMERCE_PATH,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'WooCommerce/9.4.0 Hookshot (WordPress/6.7)',
    'x-wc-webhook-source': 'https://shop.example.com/',
    'x-wc-webhook-topic': 'order.created',
    'x-wc-webhook-resource': 'order',
    'x-wc-webhook-event': 'created',
    'x-wc-webhook-signature': createHmac('sha256', secret).update(body).digest('base64'),
    'x-wc-webhook-id': '12',
    'x-wc-webhook-delivery-id': delivery,
  },
  body,
});

export const woocommerceCase: ProviderCase = {
  name: 'WooCommerce',
  provider: 'woocommerce',
  endpoint: 'shop',
  app: () => ({
    endpoint: { provider: 'woocommerce', id: 'shop', secrets: [NEXT_SECRET, WOOCOMMERCE_SECRET] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? ORDER, secret, key ?? DELIVERY),
  secrets: [NEXT_SECRET, WOOCOMMERCE_SECRET],
  foreignSecret: { make: () => 'another-shop-secret' },
  signatureHeaders: ['x-wc-webhook-signature'],
  secretHeaders: [],
  documented: {
    type: 'order.created',
    providerDeliveryId: DELIVERY,
    payload: JSON.parse(ORDER.toString()),
  },
  acknowledgement: 'json',
  // WooCommerce does not retry; a delivery sent twice keeps its delivery id.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the total changed after signing',
      signedBody: ORDER,
      sentBody: Buffer.from(ORDER.toString().replace('"total":"29.35"', '"total":"0.01"')),
    },
  ],
  timestampWindow: notApplicable('WooCommerce signs no timestamp'),
  // Forms are accepted: the creation ping is one.
  otherRefusedContentTypes: ['application/xml'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"id":')) },
    {
      label: 'has no topic',
      request: () => {
        const req = signed(ORDER);
        delete req.headers['x-wc-webhook-topic'];
        return req;
      },
      message: /X-WC-Webhook-Topic/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
