import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase } from '../provider-case';

export const SHOPIFY_ORDER = readFileSync(
  join(__dirname, '../../../src/receivers/shopify/fixtures/orders-create.json'),
);
const SECRET = 'shopify-app-client-secret';
const NEXT_SECRET = 'shopify-next-secret';
const PATH = '/webhooks/shopify/shop';
const TRIGGERED_AT = '2026-11-27T11:59:58.000Z';

/** Signs like Shopify, with node:crypto (not the receiver's signer). */
export const shopifyHmac = (body: Buffer, secret: string) =>
  createHmac('sha256', secret).update(body).digest('base64');

/** Shopify's classic X-Shopify-* headers; every attempt has a new webhook id, one event id. */
export function shopifyHeaders(
  body: Buffer,
  eventId: string,
  secret: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-shopify-hmac-sha256': shopifyHmac(body, secret),
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'example.myshopify.com',
    'x-shopify-api-version': '2026-01',
    'x-shopify-webhook-id': randomUUID(),
    'x-shopify-event-id': eventId,
    'x-shopify-triggered-at': TRIGGERED_AT,
  };
}

export const shopifyCase: ProviderCase = {
  name: 'Shopify',
  provider: 'shopify',
  endpoint: 'shop',
  app: () => ({ endpoint: { provider: 'shopify', id: 'shop', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) => {
    const sent = body ?? SHOPIFY_ORDER;
    return {
      path: PATH,
      headers: shopifyHeaders(sent, key ?? 'event-0001', secret ?? SECRET),
      body: sent,
    };
  },
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-shopify-hmac-sha256'],
  secretHeaders: [],
  documented: {
    type: 'orders/create',
    providerDeliveryId: 'event-0001',
    payload: JSON.parse(SHOPIFY_ORDER.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    { label: 'signed over another body', signedBody: Buffer.from('{}'), sentBody: SHOPIFY_ORDER },
  ],
  timestampWindow: notApplicable('Shopify signs no timestamp'),
  otherRefusedContentTypes: ['application/xml'],
  malformed: [
    {
      label: 'is not JSON',
      request: () => {
        const garbage = Buffer.from('{"id":');
        return {
          path: PATH,
          headers: shopifyHeaders(garbage, 'event-garbage', SECRET),
          body: garbage,
        };
      },
    },
    {
      label: 'has no topic',
      request: () => {
        const headers = shopifyHeaders(SHOPIFY_ORDER, 'event-no-topic', SECRET);
        delete headers['x-shopify-topic'];
        return { path: PATH, headers, body: SHOPIFY_ORDER };
      },
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
