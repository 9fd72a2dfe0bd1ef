import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

// The SDK's own fixture, minified as its test signs it (gocardless-nodejs src/webhooks.test.ts).
const FIXTURE = JSON.parse(
  readFileSync(
    join(__dirname, '../../../src/receivers/gocardless/fixtures/webhook-body.json'),
  ).toString(),
) as { events: Record<string, unknown>[] };
const BATCH = Buffer.from(JSON.stringify(FIXTURE));
const SECRET = 'gocardless-e2e-endpoint-secret';
const NEXT_SECRET = 'gocardless-e2e-next-secret';
const PATH = '/webhooks/gocardless/payments';
/** The fixture's two events are of two kinds: `mixed`, keyed by a hash of the ids. */
const BATCH_KEY = `events:${createHash('sha256').update('EV00BD05S5VM2T,EV00BD05TB8K63').digest('hex')}`;

/** Signed with node:crypto as the SDK's verifySignature checks it. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'gocardless-webhook-service/1.1',
    'webhook-signature': createHmac('sha256', secret).update(body).digest('hex'),
  },
  body,
});

/** A webhook of one event (the fixture's first) under another id: keyed by that id. */
const oneEvent = (id: string) =>
  Buffer.from(
    JSON.stringify({ events: [{ ...FIXTURE.events[0], id }], meta: { webhook_id: 'WB1' } }),
  );

export const gocardlessCase: ProviderCase = {
  name: 'GoCardless',
  provider: 'gocardless',
  endpoint: 'payments',
  app: () => ({
    endpoint: { provider: 'gocardless', id: 'payments', secrets: [NEXT_SECRET, SECRET] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? (key ? oneEvent(key) : BATCH), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-endpoint-secret' },
  signatureHeaders: ['webhook-signature'],
  secretHeaders: [],
  documented: { type: 'mixed', providerDeliveryId: BATCH_KEY, payload: FIXTURE },
  acknowledgement: 'json',
  // Retried up to 8 times when not answered within 10 s, with the same events.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'an event dropped after signing',
      signedBody: BATCH,
      sentBody: Buffer.from(JSON.stringify({ events: [FIXTURE.events[0]] })),
    },
  ],
  timestampWindow: notApplicable('GoCardless signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"events":')) },
    {
      label: 'has no events',
      request: () => signed(Buffer.from('{"meta":{"webhook_id":"WB1"}}')),
      message: /"events"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
