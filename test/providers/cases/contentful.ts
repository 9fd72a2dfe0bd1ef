import { signRequest } from '@contentful/node-apps-toolkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ProviderCase, type WebhookRequest } from '../provider-case';

const ENTRY = readFileSync(
  join(__dirname, '../../../src/receivers/contentful/fixtures/entry-publish.json'),
  'utf8',
);
const SECRET = 'contentful-e2e-signing-secret-'.padEnd(64, '0');
const NEXT_SECRET = 'contentful-e2e-next-secret-'.padEnd(64, '1');
const PATH = '/webhooks/contentful/cms';
const TOPIC = 'ContentManagement.Entry.publish';
const MEDIA_TYPE = 'application/vnd.contentful.management.v1+json';

/** The entry with its id replaced by `key`, so that each key is another change. */
const entryWithId = (key: string) => ENTRY.replace('5KsDBWseXY6QegucYAoacS', key);

/** Signed by @contentful/node-apps-toolkit's signRequest, the topic among the signed headers. */
function contentfulRequest(body: string, at: Date, secret = SECRET): WebhookRequest {
  const headers = { 'content-type': MEDIA_TYPE, 'x-contentful-topic': TOPIC };
  const signature = signRequest(
    secret,
    { method: 'POST', path: PATH, headers, body },
    at.getTime(),
  );
  return { path: PATH, headers: { ...headers, ...signature }, body: Buffer.from(body) };
}

export const contentfulCase: ProviderCase = {
  name: 'Contentful',
  provider: 'contentful',
  endpoint: 'cms',
  app: () => ({
    endpoint: {
      provider: 'contentful',
      id: 'cms',
      secrets: [NEXT_SECRET, SECRET],
      publicUrl: `https://hooks.example.com${PATH}`,
    },
  }),
  // A redelivery is the same request, signed again when it is sent.
  sign: ({ at, key, body, secret }) =>
    contentfulRequest(body ? body.toString() : key ? entryWithId(key) : ENTRY, at, secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: {
    make: () => 'f'.repeat(64),
    message: /does not match under any configured signing secret/,
  },
  signatureHeaders: ['x-contentful-signature'],
  secretHeaders: [],
  documented: {
    type: TOPIC,
    providerDeliveryId: `${TOPIC}:5KsDBWseXY6QegucYAoacS:1`,
    payload: JSON.parse(ENTRY),
    payloadIncludes: { fields: { title: { 'en-US': 'Hello, World!' } } },
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => `${TOPIC}:${key}:1`, retryAfterMs: 20_000 },
  tamperings: [
    {
      label: 'another title after signing',
      signedBody: Buffer.from(ENTRY),
      sentBody: Buffer.from(ENTRY.replace('Hello, World!', 'Hello, Mallory')),
    },
  ],
  timestampWindow: { toleranceSeconds: 30 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [{ label: 'is not JSON', request: (at) => contentfulRequest('{"sys":', at) }],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
