import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const SENT = readFileSync(
  join(__dirname, '../../../src/receivers/docusign/fixtures/envelope-sent.json'),
);
const KEY = 'docusign-e2e-connect-key';
const NEXT_KEY = 'docusign-e2e-next-connect-key';
const PATH = '/webhooks/docusign/envelopes';

/**
 * Signed as DocuSign's validate how-to computes it (base64 HMAC-SHA256 of the body), with
 * node:crypto, in X-DocuSign-Signature-1 (and -2 for a second Connect key, as DocuSign sends).
 */
const signed = (body: Buffer, key = KEY): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-authorization-digest': 'HMACSHA256',
    'x-docusign-signature-1': createHmac('sha256', 'a-key-this-endpoint-lacks')
      .update(body)
      .digest('base64'),
    'x-docusign-signature-2': createHmac('sha256', key).update(body).digest('base64'),
  },
  body,
});

/** Another envelope's message; DocuSign's retry raises retryCount and changes nothing else. */
const message = (envelopeId: string, attempt = 1) =>
  Buffer.from(
    SENT.toString()
      .replaceAll('93be49ab-0000-4b6e-8c1f-2b1c3d4e5f60', envelopeId)
      .replace('"retryCount": 0', `"retryCount": ${attempt - 1}`),
  );
/** The gateway's key for a message: SHA-256 of its body with retryCount zeroed. */
const keyOf = (body: Buffer) =>
  createHash('sha256')
    .update(body.toString().replace(/"retryCount": \d+/, '"retryCount":0'))
    .digest('hex');

export const docusignCase: ProviderCase = {
  name: 'DocuSign',
  provider: 'docusign',
  endpoint: 'envelopes',
  app: () => ({ endpoint: { provider: 'docusign', id: 'envelopes', secrets: [NEXT_KEY, KEY] } }),
  sign: ({ key, body, secret, attempt }) =>
    signed(body ?? (key ? message(key, attempt) : SENT), secret),
  secrets: [NEXT_KEY, KEY],
  foreignSecret: { make: () => 'another-account-connect-key' },
  signatureHeaders: ['x-docusign-signature-1', 'x-docusign-signature-2'],
  secretHeaders: [],
  documented: {
    type: 'envelope-sent',
    providerDeliveryId: keyOf(SENT),
    payload: JSON.parse(SENT.toString()),
  },
  acknowledgement: 'json',
  // No message id: a retry (retryCount raised) is keyed like its first attempt.
  dedupe: {
    deliveryIdOf: (key) => keyOf(message(key)),
    retryAfterMs: 60_000,
  },
  tamperings: [
    {
      label: 'sent turned voided after signing',
      signedBody: SENT,
      sentBody: Buffer.from(SENT.toString().replace('envelope-sent', 'envelope-voided')),
    },
  ],
  timestampWindow: notApplicable('DocuSign signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"event":')) },
    {
      label: 'has no event',
      request: () => signed(Buffer.from('{"data":{"envelopeId":"e1"}}')),
      message: /"event"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
