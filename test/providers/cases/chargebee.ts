import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const EVENT = readFileSync(
  join(__dirname, '../../../src/receivers/chargebee/fixtures/subscription-created.json'),
);
const EVENT_ID = 'ev_16BHbhF4s42tO2lK';
const CREDENTIALS = 'hookgate:chargebee-webhook-password';
const NEXT_CREDENTIALS = 'hookgate:chargebee-next-password';

/** What Chargebee sends for "Protect webhook URL with basic authentication". */
const sent = (body: Buffer, credentials = CREDENTIALS): WebhookRequest => ({
  path: '/webhooks/chargebee/billing',
  headers: {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
  },
  body,
});

export const chargebeeCase: ProviderCase = {
  name: 'Chargebee',
  provider: 'chargebee',
  endpoint: 'billing',
  app: () => ({
    endpoint: { provider: 'chargebee', id: 'billing', secrets: [NEXT_CREDENTIALS, CREDENTIALS] },
  }),
  sign: ({ key, body, secret }) =>
    sent(body ?? (key ? Buffer.from(EVENT.toString().replace(EVENT_ID, key)) : EVENT), secret),
  secrets: [NEXT_CREDENTIALS, CREDENTIALS],
  foreignSecret: { make: () => 'hookgate:not-the-password', message: /do not match/ },
  signatureHeaders: ['authorization'],
  secretHeaders: ['authorization'],
  documented: {
    type: 'subscription_created',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(EVENT.toString()),
  },
  acknowledgement: 'json',
  // A failed event is resent, with its id, later.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 120_000 },
  tamperings: notApplicable('Chargebee signs nothing: Basic credentials authenticate the sender'),
  timestampWindow: notApplicable('Chargebee sends no signed timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => sent(Buffer.from('{"event_type":')) },
    {
      label: 'has no event_type',
      request: () => sent(Buffer.from(`{"id":"${EVENT_ID}"}`)),
      message: /"event_type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
