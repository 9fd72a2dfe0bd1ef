import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

// The SDK's published classic vector: its body, token and signature (onfido-node
// test/classic-webhook-event-verifier.test.ts). Other bodies are signed with node:crypto,
// checked against the SDK's WebhookEventVerifier in the unit spec.
const CHECK_COMPLETED = readFileSync(
  join(__dirname, '../../../src/receivers/onfido/fixtures/check-completed.json'),
);
const TOKEN = '_ABC123abc123ABC123abc123ABC123_';
const PUBLISHED_SIGNATURE = 'a0082d7481f9f0a2907583dbe1f344d6d4c0d9989df2fd804f98479f60cd760e';
const NEXT_TOKEN = 'onfido-e2e-next-webhook-token';
const PATH = '/webhooks/onfido/kyc';

function signed(body: Buffer, token = TOKEN): WebhookRequest {
  const published = token === TOKEN && body.equals(CHECK_COMPLETED);
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'x-sha2-signature': published
        ? PUBLISHED_SIGNATURE
        : createHmac('sha256', token).update(body).digest('hex'),
    },
    body,
  };
}

/** The completed check under another check id; a retry sends the same bytes. */
const checkCompleted = (checkId: string) =>
  Buffer.from(CHECK_COMPLETED.toString().replaceAll('check-123', checkId));
const bodyHash = (body: Buffer) => createHash('sha256').update(body).digest('hex');

export const onfidoCase: ProviderCase = {
  name: 'Onfido',
  provider: 'onfido',
  endpoint: 'kyc',
  app: () => ({ endpoint: { provider: 'onfido', id: 'kyc', secrets: [NEXT_TOKEN, TOKEN] } }),
  sign: ({ key, body, secret }) =>
    signed(body ?? (key ? checkCompleted(key) : CHECK_COMPLETED), secret),
  secrets: [NEXT_TOKEN, TOKEN],
  foreignSecret: { make: () => 'another-account-webhook-token' },
  signatureHeaders: ['x-sha2-signature'],
  secretHeaders: [],
  documented: {
    type: 'check.completed',
    providerDeliveryId: bodyHash(CHECK_COMPLETED),
    payload: JSON.parse(CHECK_COMPLETED.toString()),
  },
  acknowledgement: 'json',
  // No event id: identical bodies (retries) are stored once.
  dedupe: { deliveryIdOf: (key) => bodyHash(checkCompleted(key)), retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'complete turned withdrawn after signing',
      signedBody: CHECK_COMPLETED,
      sentBody: Buffer.from(CHECK_COMPLETED.toString().replace('"complete"', '"withdrawn"')),
    },
  ],
  timestampWindow: notApplicable('Onfido signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"payload":')) },
    {
      label: 'has no payload.action',
      request: () => signed(Buffer.from('{"payload":{"resource_type":"check"}}')),
      message: /payload\.action/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
