import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const DEPLOYMENT = readFileSync(
  join(__dirname, '../../../src/receivers/vercel/fixtures/deployment-succeeded.json'),
);
const SECRET = 'vercel-e2e-webhook-secret';
const NEXT_SECRET = 'vercel-e2e-client-secret';
const PATH = '/webhooks/vercel/deploys';
const DELIVERY_ID = 'uOVvlgyHxJ8vF5eHt0ESwwTZ';

/** Signed as independent verifiers describe Vercel's scheme, with node:crypto. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-vercel-signature': createHmac('sha1', secret).update(body).digest('hex'),
  },
  body,
});

export const vercelCase: ProviderCase = {
  name: 'Vercel',
  provider: 'vercel',
  endpoint: 'deploys',
  app: () => ({ endpoint: { provider: 'vercel', id: 'deploys', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) =>
    signed(
      body ?? Buffer.from(DEPLOYMENT.toString().replace(DELIVERY_ID, key ?? DELIVERY_ID)),
      secret,
    ),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-team-secret' },
  signatureHeaders: ['x-vercel-signature'],
  secretHeaders: [],
  documented: {
    type: 'deployment.succeeded',
    providerDeliveryId: DELIVERY_ID,
    payload: JSON.parse(DEPLOYMENT.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another target after signing',
      signedBody: DEPLOYMENT,
      sentBody: Buffer.from(DEPLOYMENT.toString().replace('"production"', '"preview"')),
    },
  ],
  timestampWindow: notApplicable('Vercel signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"type":')) },
    {
      label: 'has no type',
      request: () => signed(Buffer.from('{"id":"uOVvlgyHxJ8vF5eHt0ESwwTZ","payload":{}}')),
      message: /"type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
