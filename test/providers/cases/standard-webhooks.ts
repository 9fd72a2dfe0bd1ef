import { randomBytes, randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import contactCreated from '../../../src/receivers/standard-webhooks/fixtures/contact-created.json';
import type { ProviderCase, WebhookRequest } from '../provider-case';

export const newWhsecSecret = (bytes = 32) => 'whsec_' + randomBytes(bytes).toString('base64');
const NEW_SECRET = newWhsecSecret();
const OLD_SECRET = newWhsecSecret(24);
const PATH = '/webhooks/standard-webhooks/acme';
const CONTACT_CREATED = Buffer.from(JSON.stringify(contactCreated));

/** Headers as a Standard Webhooks sender makes them, signed by the standardwebhooks SDK. */
export function standardWebhooksHeaders(
  secret: string,
  body: Buffer,
  at: Date,
  id: string = `msg_${randomUUID()}`,
  family: 'webhook' | 'svix' = 'webhook',
): Record<string, string> {
  return {
    'content-type': 'application/json',
    [`${family}-id`]: id,
    [`${family}-timestamp`]: String(Math.floor(at.getTime() / 1000)),
    [`${family}-signature`]: new Webhook(secret).sign(id, at, body),
  };
}

const signedBare = (body: string, at: Date): WebhookRequest => ({
  path: PATH,
  headers: standardWebhooksHeaders(NEW_SECRET, Buffer.from(body), at),
  body: Buffer.from(body),
});

export const standardWebhooksCase: ProviderCase = {
  name: 'Standard Webhooks',
  provider: 'standard-webhooks',
  endpoint: 'acme',
  app: () => ({
    endpoint: { provider: 'standard-webhooks', id: 'acme', secrets: [NEW_SECRET, OLD_SECRET] },
  }),
  sign: ({ at, key, body, secret }) => {
    const sent = body ?? CONTACT_CREATED;
    const headers = standardWebhooksHeaders(secret ?? NEW_SECRET, sent, at, key ?? 'msg_contact_1');
    return { path: PATH, headers, body: sent };
  },
  secrets: [NEW_SECRET, OLD_SECRET],
  foreignSecret: { make: () => newWhsecSecret() },
  signatureHeaders: ['webhook-signature'],
  secretHeaders: [],
  documented: {
    type: 'contact.created',
    providerDeliveryId: 'msg_contact_1',
    payload: contactCreated,
  },
  acknowledgement: 'json',
  // A retry keeps webhook-id and is signed again with a new timestamp.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'a name changed after signing',
      signedBody: CONTACT_CREATED,
      sentBody: Buffer.from(CONTACT_CREATED.toString().replace('John', 'Jane')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: [],
  malformed: [
    { label: 'is not JSON', request: (at) => signedBare('{"type":', at) },
    { label: 'has no type', request: (at) => signedBare('{"data":{}}', at) },
    { label: 'is not a JSON object', request: (at) => signedBare('[1,2]', at) },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
