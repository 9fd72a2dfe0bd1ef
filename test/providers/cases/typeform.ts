import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const RESPONSE = readFileSync(
  join(__dirname, '../../../src/receivers/typeform/fixtures/form-response.json'),
);
const SECRET = 'typeform-e2e-webhook-secret';
const NEXT_SECRET = 'typeform-e2e-next-secret';
const PATH = '/webhooks/typeform/survey';

/** Signed as Typeform documents it (`sha256=` + base64 HMAC-SHA256 of the body), node:crypto. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'Typeform Webhooks',
    'typeform-signature': `sha256=${createHmac('sha256', secret).update(body).digest('base64')}`,
  },
  body,
});

/** The example response under another event id; a redelivery keeps it. */
const response = (eventId: string) =>
  Buffer.from(JSON.stringify({ ...JSON.parse(RESPONSE.toString()), event_id: eventId }));

export const typeformCase: ProviderCase = {
  name: 'Typeform',
  provider: 'typeform',
  endpoint: 'survey',
  app: () => ({ endpoint: { provider: 'typeform', id: 'survey', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) => signed(body ?? (key ? response(key) : RESPONSE), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-form-secret' },
  signatureHeaders: ['typeform-signature'],
  secretHeaders: [],
  documented: {
    type: 'form_response',
    providerDeliveryId: 'LtWXD3crgy',
    payload: JSON.parse(RESPONSE.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the score changed after signing',
      signedBody: RESPONSE,
      sentBody: Buffer.from(RESPONSE.toString().replace('"score": 9', '"score": 10')),
    },
  ],
  timestampWindow: notApplicable('Typeform signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"event_id":')) },
    {
      label: 'has no event_type',
      request: () => signed(Buffer.from('{"event_id":"LtWXD3crgy"}')),
      message: /"event_type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
