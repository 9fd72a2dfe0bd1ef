import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

// The official SDK signs (coinbase-commerce-node `lib/Webhook.js`); it ships no types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Webhook } = require('coinbase-commerce-node') as {
  Webhook: { computeSignature(payload: string, secret: string): string };
};

const CHARGE_FAILED = readFileSync(
  join(__dirname, '../../../src/receivers/coinbase-commerce/fixtures/charge-failed.json'),
);
const SECRET = 'coinbase-e2e-shared-secret';
const NEXT_SECRET = 'coinbase-e2e-next-secret';
const PATH = '/webhooks/coinbase-commerce/shop';
const EVENT_ID = 'cce71734-b624-49ae-bd31-edd59379cbe5';

const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-cc-webhook-signature': Webhook.computeSignature(body.toString(), secret),
  },
  body,
});

/** The event under another id; a retry is the same event with attempt_number counted up. */
const delivery = (eventId: string, attempt = 1) =>
  Buffer.from(
    CHARGE_FAILED.toString()
      .replace(EVENT_ID, eventId)
      .replace('"attempt_number": 1', `"attempt_number": ${attempt}`),
  );

export const coinbaseCommerceCase: ProviderCase = {
  name: 'Coinbase Commerce',
  provider: 'coinbase-commerce',
  endpoint: 'shop',
  app: () => ({
    endpoint: { provider: 'coinbase-commerce', id: 'shop', secrets: [NEXT_SECRET, SECRET] },
  }),
  sign: ({ key, body, secret, attempt }) =>
    signed(body ?? (key ? delivery(key, attempt) : CHARGE_FAILED), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-merchant-secret' },
  signatureHeaders: ['x-cc-webhook-signature'],
  secretHeaders: [],
  documented: {
    type: 'charge:failed',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(CHARGE_FAILED.toString()),
  },
  acknowledgement: 'json',
  // Retried with backoff for up to three days: the same event id, a higher attempt_number.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60 * 60_000 },
  tamperings: [
    {
      label: 'failed turned confirmed after signing',
      signedBody: CHARGE_FAILED,
      sentBody: Buffer.from(CHARGE_FAILED.toString().replace('charge:failed', 'charge:confirmed')),
    },
  ],
  timestampWindow: notApplicable('Coinbase Commerce signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"event":')) },
    {
      label: 'has no event.type',
      request: () => signed(Buffer.from('{"id":"1","event":{"id":"e1"}}')),
      message: /event\.type/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
