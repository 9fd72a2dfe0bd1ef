import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const WORKFLOW_COMPLETED = readFileSync(
  join(__dirname, '../../../src/receivers/circleci/fixtures/workflow-completed.json'),
);
const SECRET = 'circleci-e2e-signing-secret';
const NEXT_SECRET = 'circleci-e2e-next-secret';
const PATH = '/webhooks/circleci/builds';
const EVENT_ID = '3888f21b-eaa7-38e3-8f3d-75a63bba8895';

/** Signed as CircleCI documents it (v1 = hex HMAC-SHA256 of the body), with node:crypto. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'CircleCI-Webhook/1.0',
    'circleci-event-type': 'workflow-completed',
    'circleci-signature': `v1=${createHmac('sha256', secret).update(body).digest('hex')}`,
  },
  body,
});

export const circleciCase: ProviderCase = {
  name: 'CircleCI',
  provider: 'circleci',
  endpoint: 'builds',
  app: () => ({ endpoint: { provider: 'circleci', id: 'builds', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) =>
    signed(
      body ?? Buffer.from(WORKFLOW_COMPLETED.toString().replace(EVENT_ID, key ?? EVENT_ID)),
      secret,
    ),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-project-secret' },
  signatureHeaders: ['circleci-signature'],
  secretHeaders: [],
  documented: {
    type: 'workflow-completed',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(WORKFLOW_COMPLETED.toString()),
  },
  acknowledgement: 'json',
  // "Webhook requests may be duplicated": the body id is the key.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'success turned failed after signing',
      signedBody: WORKFLOW_COMPLETED,
      sentBody: Buffer.from(WORKFLOW_COMPLETED.toString().replace('"success"', '"failed"')),
    },
  ],
  timestampWindow: notApplicable('CircleCI signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"type":')) },
    {
      label: 'has no type',
      request: () => signed(Buffer.from('{"id":"3888f21b-eaa7-38e3-8f3d-75a63bba8895"}')),
      message: /"type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
