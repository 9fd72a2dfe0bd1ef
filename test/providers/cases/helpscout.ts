import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const CONVO = readFileSync(
  join(__dirname, '../../../src/receivers/helpscout/fixtures/convo-created.json'),
);
const SECRET = 'helpscout-e2e-secret-key';
const NEXT_SECRET = 'helpscout-e2e-next-secret-key';
const PATH = '/webhooks/helpscout/support';

/** Signed as Help Scout documents it (base64 HMAC-SHA1 of the body), with node:crypto. */
const signed = (body: Buffer, secret = SECRET, event = 'convo.created'): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-helpscout-event': event,
    'x-helpscout-signature': createHmac('sha1', secret).update(body).digest('base64'),
  },
  body,
});

/** The conversation under another id; a retry sends the same bytes. */
const convo = (id: string) =>
  Buffer.from(JSON.stringify({ ...JSON.parse(CONVO.toString()), subject: `Help ${id}` }));
const bodyHash = (body: Buffer) => createHash('sha256').update(body).digest('hex');

export const helpscoutCase: ProviderCase = {
  name: 'Help Scout',
  provider: 'helpscout',
  endpoint: 'support',
  app: () => ({
    endpoint: { provider: 'helpscout', id: 'support', secrets: [NEXT_SECRET, SECRET] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? (key ? convo(key) : CONVO), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-mailbox-secret-key' },
  signatureHeaders: ['x-helpscout-signature'],
  secretHeaders: [],
  documented: {
    type: 'convo.created',
    providerDeliveryId: bodyHash(CONVO),
    payload: JSON.parse(CONVO.toString()),
  },
  acknowledgement: 'json',
  // No delivery id: identical bodies (retries) are stored once.
  dedupe: { deliveryIdOf: (key) => bodyHash(convo(key)), retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the subject changed after signing',
      signedBody: CONVO,
      sentBody: Buffer.from(CONVO.toString().replace('I need help!', 'Refund me')),
    },
  ],
  timestampWindow: notApplicable('Help Scout signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"id":')) },
    {
      label: 'has no X-HelpScout-Event',
      request: () => {
        const req = signed(CONVO);
        delete req.headers['x-helpscout-event'];
        return req;
      },
      message: /X-HelpScout-Event/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
