import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const ISSUE_CREATED = readFileSync(
  join(__dirname, '../../../src/receivers/jira/fixtures/issue-created.json'),
);
const SECRET = 'jira-e2e-webhook-secret';
const NEXT_SECRET = 'jira-e2e-next-secret';
const PATH = '/webhooks/jira/tracker';
const IDENTIFIER = '28f1d9b4-5c6e-4f0a-9d3b-7e2a1c8b6f40';

/** Signed as Atlassian documents admin webhooks with a secret, with node:crypto. */
function signed(
  body: Buffer,
  secret = SECRET,
  identifier = IDENTIFIER,
  attempt = 1,
): WebhookRequest {
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-atlassian-webhook-identifier': identifier,
      'x-atlassian-webhook-flow': 'Primary',
      ...(attempt > 1 && { 'x-atlassian-webhook-retry': String(attempt - 1) }),
      'x-hub-signature': `sha256=${signature}`,
    },
    body,
  };
}

export const jiraCase: ProviderCase = {
  name: 'Jira',
  provider: 'jira',
  endpoint: 'tracker',
  app: () => ({ endpoint: { provider: 'jira', id: 'tracker', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret, attempt }) => signed(body ?? ISSUE_CREATED, secret, key, attempt),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-site-secret' },
  signatureHeaders: ['x-hub-signature'],
  secretHeaders: [],
  documented: {
    type: 'jira:issue_created',
    providerDeliveryId: IDENTIFIER,
    payload: JSON.parse(ISSUE_CREATED.toString()),
  },
  acknowledgement: 'json',
  // A retry keeps X-Atlassian-Webhook-Identifier and counts X-Atlassian-Webhook-Retry.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another issue key after signing',
      signedBody: ISSUE_CREATED,
      sentBody: Buffer.from(ISSUE_CREATED.toString().replace('"ED-1"', '"ED-9"')),
    },
  ],
  timestampWindow: notApplicable('Jira signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"webhookEvent":')) },
    {
      label: 'has no webhookEvent',
      request: () => signed(Buffer.from('{"timestamp":1718891612345,"issue":{}}')),
      message: /webhookEvent/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
