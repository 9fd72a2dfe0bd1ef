import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const INSTALLATION = readFileSync(
  join(__dirname, '../../../src/receivers/sentry/fixtures/installation-created.json'),
);
const SECRET = 'sentry-e2e-client-secret';
const NEXT_SECRET = 'sentry-e2e-next-secret';
const PATH = '/webhooks/sentry/errors';
const REQUEST_ID = '9f6c2a1e-4b3d-4c8e-a7f0-5d2b1e6c9a84';

/** Signed as Sentry documents it, with node:crypto (Sentry ships no verifier). */
function signed(body: Buffer, secret = SECRET, requestId = REQUEST_ID): WebhookRequest {
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'request-id': requestId,
      'sentry-hook-resource': 'installation',
      'sentry-hook-timestamp': '1732708800',
      'sentry-hook-signature': createHmac('sha256', secret).update(body).digest('hex'),
    },
    body,
  };
}

export const sentryCase: ProviderCase = {
  name: 'Sentry',
  provider: 'sentry',
  endpoint: 'errors',
  app: () => ({
    endpoint: { provider: 'sentry', id: 'errors', secrets: [NEXT_SECRET, SECRET] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? INSTALLATION, secret, key),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-integration-secret' },
  signatureHeaders: ['sentry-hook-signature'],
  secretHeaders: [],
  documented: {
    type: 'installation.created',
    providerDeliveryId: REQUEST_ID,
    payload: JSON.parse(INSTALLATION.toString()),
  },
  acknowledgement: 'json',
  // A resend of the same request keeps its Request-ID.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'its action changed after signing',
      signedBody: INSTALLATION,
      sentBody: Buffer.from(INSTALLATION.toString().replace('"created"', '"deleted"')),
    },
  ],
  timestampWindow: notApplicable('Sentry-Hook-Timestamp is not signed'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"action":')) },
    {
      label: 'has no Sentry-Hook-Resource',
      request: () => {
        const request = signed(INSTALLATION);
        delete request.headers['sentry-hook-resource'];
        return request;
      },
      message: /Sentry-Hook-Resource/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
