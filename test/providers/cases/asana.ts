import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const TASK_CHANGED = readFileSync(
  join(__dirname, '../../../src/receivers/asana/fixtures/task-changed.json'),
);
// Configured secrets are tried besides the one a handshake hands over (asana.e2e-spec.ts).
const SECRET = 'asana-e2e-handshake-secret-0123456789abcdef';
const NEXT_SECRET = 'asana-e2e-next-secret';
const PATH = '/webhooks/asana/tasks';
const TASK_GID = '1209876543210987';

const bodyFor = (key?: string) =>
  key ? Buffer.from(TASK_CHANGED.toString().replace(TASK_GID, key)) : TASK_CHANGED;
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Signed as Asana does (hex HMAC-SHA256 of the body), with node:crypto. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-hook-signature': createHmac('sha256', secret).update(body).digest('hex'),
  },
  body,
});

export const asanaCase: ProviderCase = {
  name: 'Asana',
  provider: 'asana',
  endpoint: 'tasks',
  app: () => ({ endpoint: { provider: 'asana', id: 'tasks', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) => signed(body ?? bodyFor(key), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-webhook-secret' },
  signatureHeaders: ['x-hook-signature'],
  secretHeaders: ['x-hook-secret'],
  documented: {
    type: 'task.changed',
    providerDeliveryId: sha256(TASK_CHANGED),
    payload: JSON.parse(TASK_CHANGED.toString()),
  },
  acknowledgement: 'json',
  // Asana resends the same body for up to 24 hours: its hash is the key.
  dedupe: { deliveryIdOf: (key) => sha256(bodyFor(key)), retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another field named after signing',
      signedBody: TASK_CHANGED,
      sentBody: Buffer.from(TASK_CHANGED.toString().replace('"assignee"', '"followers"')),
    },
  ],
  timestampWindow: notApplicable('Asana signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"events":')) },
    {
      label: 'has no events array',
      request: () => signed(Buffer.from('{"data":[]}')),
      message: /"events"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
