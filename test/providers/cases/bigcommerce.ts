import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const EVENT = readFileSync(
  join(__dirname, '../../../src/receivers/bigcommerce/fixtures/order-status-updated.json'),
);
const HASH = '3f9ea420af83450d7ef9f78b08c8af25b2213637';
const TOKEN = 'bigcommerce-e2e-hook-token';
const NEXT_TOKEN = 'bigcommerce-e2e-next-token';

/** A callback of a hook created with `"headers": {"X-Webhook-Token": "<token>"}`. */
const sent = (body: Buffer, token = TOKEN): WebhookRequest => ({
  path: '/webhooks/bigcommerce/store',
  headers: { 'content-type': 'application/json', 'x-webhook-token': token },
  body,
});

export const bigcommerceCase: ProviderCase = {
  name: 'BigCommerce',
  provider: 'bigcommerce',
  endpoint: 'store',
  app: () => ({
    endpoint: {
      provider: 'bigcommerce',
      id: 'store',
      secrets: [NEXT_TOKEN, TOKEN],
      options: { header: 'X-Webhook-Token' },
    },
  }),
  sign: ({ key, body, secret }) =>
    sent(body ?? (key ? Buffer.from(EVENT.toString().replace(HASH, key)) : EVENT), secret),
  secrets: [NEXT_TOKEN, TOKEN],
  foreignSecret: { make: () => 'another-hook-token', message: /does not match/ },
  signatureHeaders: ['x-webhook-token'],
  secretHeaders: ['x-webhook-token'],
  documented: {
    type: 'store/order/statusUpdated',
    providerDeliveryId: HASH,
    payload: JSON.parse(EVENT.toString()),
    payloadIncludes: { data: { type: 'order', id: 173331 } },
  },
  acknowledgement: 'json',
  // Retried after 60 s, 180 s, … with the same payload and hash.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: notApplicable(
    'BigCommerce signs nothing: the custom header authenticates the sender',
  ),
  timestampWindow: notApplicable('BigCommerce sends no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => sent(Buffer.from('{"scope":')) },
    {
      label: 'has no scope',
      request: () => sent(Buffer.from(`{"hash":"${HASH}"}`)),
      message: /"scope"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
