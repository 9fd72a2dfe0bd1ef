import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const CREATED = readFileSync(
  join(__dirname, '../../../src/receivers/notion/fixtures/page-created.json'),
);
export const NOTION_TOKEN = 'secret_e2eNotionVerificationToken0123456789abc';
const NEXT_TOKEN = 'secret_e2eNextNotionVerificationToken987654321';
export const NOTION_PATH = '/webhooks/notion/workspace';

/**
 * Signed as notion-sdk-js signWebhookPayload does (`sha256=` + hex HMAC-SHA256 of the body),
 * with node:crypto here because the SDK's signer is asynchronous; the unit spec checks the two
 * agree.
 */
const signed = (body: Buffer, token = NOTION_TOKEN): WebhookRequest => ({
  path: NOTION_PATH,
  headers: {
    'content-type': 'application/json',
    'x-notion-signature': `sha256=${createHmac('sha256', token).update(body).digest('hex')}`,
  },
  body,
});

/** The example event under another id; a retry keeps it and raises attempt_number. */
const event = (id: string, attempt = 1) =>
  Buffer.from(JSON.stringify({ ...JSON.parse(CREATED.toString()), id, attempt_number: attempt }));

export const notionCase: ProviderCase = {
  name: 'Notion',
  provider: 'notion',
  endpoint: 'workspace',
  app: () => ({
    endpoint: { provider: 'notion', id: 'workspace', secrets: [NEXT_TOKEN, NOTION_TOKEN] },
  }),
  sign: ({ key, body, secret, attempt }) =>
    signed(body ?? (key ? event(key, attempt) : CREATED), secret),
  secrets: [NEXT_TOKEN, NOTION_TOKEN],
  foreignSecret: { make: () => 'secret_anotherSubscriptionsToken' },
  signatureHeaders: ['x-notion-signature'],
  secretHeaders: [],
  documented: {
    type: 'page.created',
    providerDeliveryId: '367cba44-b6f3-4c92-81e7-6a2e9659efd4',
    payload: JSON.parse(CREATED.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'created turned deleted after signing',
      signedBody: CREATED,
      sentBody: Buffer.from(CREATED.toString().replace('page.created', 'page.deleted')),
    },
  ],
  timestampWindow: notApplicable('Notion signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"type":')) },
    {
      label: 'has no type',
      request: () => signed(Buffer.from('{"id":"e-1","entity":{"type":"page"}}')),
      message: /"type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
