import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const AZURE_DEVOPS_GIT_PUSH = readFileSync(
  join(__dirname, '../../../src/receivers/azure-devops/fixtures/git-push.json'),
);
const EVENT_ID = '03c164c2-8912-4d5e-8009-3707d5f83734';
const CREDENTIALS = 'hookgate:service-hook-password';
const NEXT_CREDENTIALS = 'hookgate:next-service-hook-password';
const PATH = '/webhooks/azure-devops/project';

/** What Azure DevOps sends for the subscription's basic authentication user name and password. */
export const azureDevOpsBasic = (credentials: string) =>
  `Basic ${Buffer.from(credentials).toString('base64')}`;

const sent = (body: Buffer, credentials = CREDENTIALS): WebhookRequest => ({
  path: PATH,
  headers: { 'content-type': 'application/json', authorization: azureDevOpsBasic(credentials) },
  body,
});
const withEventId = (key: string) =>
  Buffer.from(AZURE_DEVOPS_GIT_PUSH.toString().replace(EVENT_ID, key));

export const azureDevOpsCase: ProviderCase = {
  name: 'Azure DevOps',
  provider: 'azure-devops',
  endpoint: 'project',
  app: () => ({
    endpoint: { provider: 'azure-devops', id: 'project', secrets: [NEXT_CREDENTIALS, CREDENTIALS] },
  }),
  sign: ({ key, body, secret }) =>
    sent(body ?? (key ? withEventId(key) : AZURE_DEVOPS_GIT_PUSH), secret),
  secrets: [NEXT_CREDENTIALS, CREDENTIALS],
  foreignSecret: {
    make: () => 'hookgate:not-the-password',
    message: /Basic credentials do not match/,
  },
  signatureHeaders: ['authorization'],
  secretHeaders: ['authorization'],
  documented: {
    type: 'git.push',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(AZURE_DEVOPS_GIT_PUSH.toString()),
    payloadIncludes: { resource: { pushId: 14, refUpdates: [{ name: 'refs/heads/master' }] } },
  },
  acknowledgement: 'json',
  // A retry (408, 502-504) resends the same event within minutes.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 30_000 },
  tamperings: notApplicable(
    'Azure DevOps signs nothing: Basic credentials authenticate the sender, not the body',
  ),
  timestampWindow: notApplicable('Azure DevOps sends no signed timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => sent(Buffer.from('{"eventType":')) },
    {
      label: 'has no eventType',
      request: () => sent(Buffer.from(`{"id":"${EVENT_ID}","resource":{}}`)),
      message: /"eventType"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
