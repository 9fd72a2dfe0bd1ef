import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const DELIVERY = readFileSync(
  join(__dirname, '../../../src/receivers/postmark/fixtures/delivery.json'),
);
const MESSAGE_ID = '883953f4-6105-42a2-a16a-77a8eac79483';
const DELIVERED_AT = '2019-11-05T16:33:54.9070259Z';
const CREDENTIALS = 'hookgate:postmark-webhook-password';
const NEXT_CREDENTIALS = 'hookgate:postmark-next-password';

/** What Postmark sends for a webhook URL written https://user:password@host/…. */
const sent = (body: Buffer, credentials = CREDENTIALS): WebhookRequest => ({
  path: '/webhooks/postmark/mail',
  headers: {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(credentials).toString('base64')}`,
  },
  body,
});

export const postmarkCase: ProviderCase = {
  name: 'Postmark',
  provider: 'postmark',
  endpoint: 'mail',
  app: () => ({
    endpoint: { provider: 'postmark', id: 'mail', secrets: [NEXT_CREDENTIALS, CREDENTIALS] },
  }),
  sign: ({ key, body, secret }) =>
    sent(
      body ?? (key ? Buffer.from(DELIVERY.toString().replace(MESSAGE_ID, key)) : DELIVERY),
      secret,
    ),
  secrets: [NEXT_CREDENTIALS, CREDENTIALS],
  foreignSecret: { make: () => 'hookgate:not-the-password', message: /do not match/ },
  signatureHeaders: ['authorization'],
  secretHeaders: ['authorization'],
  documented: {
    type: 'Delivery',
    providerDeliveryId: `Delivery:${MESSAGE_ID}:${DELIVERED_AT}`,
    payload: JSON.parse(DELIVERY.toString()),
  },
  acknowledgement: 'json',
  // A retry resends the same record.
  dedupe: { deliveryIdOf: (key) => `Delivery:${key}:${DELIVERED_AT}`, retryAfterMs: 60_000 },
  tamperings: notApplicable('Postmark signs nothing: Basic credentials authenticate the sender'),
  timestampWindow: notApplicable('Postmark sends no signed timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => sent(Buffer.from('{"RecordType":')) },
    {
      label: 'has no RecordType',
      request: () => sent(Buffer.from(`{"MessageID":"${MESSAGE_ID}"}`)),
      message: /"RecordType"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
