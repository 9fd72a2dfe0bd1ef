import { Signature } from '@hubspot/api-client';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderCase, WebhookRequest } from '../provider-case';

const BATCH = readFileSync(
  join(__dirname, '../../../src/receivers/hubspot/fixtures/contact-creation.json'),
);
const SECRET = 'hubspot-e2e-client-secret';
const NEXT_SECRET = 'hubspot-e2e-next-client-secret';
const PATH = '/webhooks/hubspot/crm';
const PUBLIC_URL = `https://hooks.example.com${PATH}`;

/** Signed v3 by HubSpot's SDK (hubspot-api-nodejs `Signature.getSignature`). */
function signed(body: Buffer, at: Date, secret = SECRET): WebhookRequest {
  const timestamp = at.getTime();
  const signature = Signature.getSignature('POST', 'v3', {
    signature: '',
    clientSecret: secret,
    requestBody: body.toString('utf8'),
    url: PUBLIC_URL,
    timestamp,
  });
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': String(timestamp),
    },
    body,
  };
}

/** eventId is a number: each key maps to one, stably. */
const eventIdOf = (key: string) =>
  String(parseInt(createHash('sha256').update(key).digest('hex').slice(0, 12), 16));
/** A retry resends the events with the next attemptNumber. */
const batchOf = (key: string, attempt: number) =>
  Buffer.from(
    BATCH.toString()
      .replace('"eventId":1,', `"eventId":${eventIdOf(key)},`)
      .replace('"attemptNumber":0', `"attemptNumber":${attempt - 1}`),
  );

export const hubspotCase: ProviderCase = {
  name: 'HubSpot',
  provider: 'hubspot',
  endpoint: 'crm',
  app: () => ({
    endpoint: {
      provider: 'hubspot',
      id: 'crm',
      secrets: [NEXT_SECRET, SECRET],
      publicUrl: PUBLIC_URL,
    },
  }),
  sign: ({ at, key, body, secret, attempt = 1 }) =>
    signed(body ?? (key ? batchOf(key, attempt) : BATCH), at, secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-client-secret' },
  signatureHeaders: ['x-hubspot-signature-v3'],
  secretHeaders: [],
  documented: {
    type: 'contact.creation',
    providerDeliveryId: '1',
    payload: JSON.parse(BATCH.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: eventIdOf, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another object after signing',
      signedBody: BATCH,
      sentBody: Buffer.from(BATCH.toString().replace('"objectId":123', '"objectId":124')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: (at) => signed(Buffer.from('[{"eventId":'), at) },
    {
      label: 'holds an event without eventId',
      request: (at) => signed(Buffer.from('[{"subscriptionType":"contact.creation"}]'), at),
      message: /eventId/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
