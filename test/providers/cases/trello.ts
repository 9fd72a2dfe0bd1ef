import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const TRELLO_ACTION = readFileSync(
  join(__dirname, '../../../src/receivers/trello/fixtures/update-card.json'),
);
const SECRET = 'trello-application-secret-0123456789abcdef';
const NEXT_SECRET = 'trello-next-secret';
const PATH = '/webhooks/trello/boards';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/trello/boards';
const ACTION_ID = '5a4a7d1b6f0fb7c5a14e2d11';

/** Signs like Trello's documentation sample: body text + callback URL, HMAC-SHA1, base64. */
export function trelloHeaders(
  body: Buffer,
  callbackUrl: string,
  secret: string,
): Record<string, string> {
  const signature = createHmac('sha1', secret)
    .update(body.toString('utf8') + callbackUrl)
    .digest('base64');
  return { 'content-type': 'application/json', 'x-trello-webhook': signature };
}

export const trelloActionWithId = (id: string) =>
  Buffer.from(TRELLO_ACTION.toString().replace(ACTION_ID, id));

const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: trelloHeaders(body, PUBLIC_URL, secret),
  body,
});

export const trelloCase: ProviderCase = {
  name: 'Trello',
  provider: 'trello',
  endpoint: 'boards',
  app: () => ({
    endpoint: {
      provider: 'trello',
      id: 'boards',
      secrets: [NEXT_SECRET, SECRET],
      publicUrl: PUBLIC_URL,
    },
  }),
  sign: ({ key, body, secret }) =>
    signed(body ?? (key ? trelloActionWithId(key) : TRELLO_ACTION), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-trello-webhook'],
  secretHeaders: [],
  documented: {
    type: 'updateCard',
    providerDeliveryId: ACTION_ID,
    payload: JSON.parse(TRELLO_ACTION.toString()),
    payloadIncludes: { action: { memberCreator: { fullName: 'Ana Pérez' } } },
  },
  acknowledgement: 'json',
  // Trello retries the same action (same action.id).
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the card renamed after signing',
      signedBody: TRELLO_ACTION,
      sentBody: Buffer.from(TRELLO_ACTION.toString().replace('Verify Trello', 'Forge Trello')),
    },
  ],
  timestampWindow: notApplicable('Trello signs no timestamp'),
  otherRefusedContentTypes: [],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"action":')) },
    {
      label: 'has no action.type',
      request: () => signed(Buffer.from('{"model":{"id":"5a4a7cb8bc6c8b6b8a6f2f43"}}')),
    },
  ],
  // Trello's HEAD is its handshake (trello.e2e-spec.ts); GET is refused.
  refusedGet: { allow: 'HEAD, POST' },
  refusedHead: notApplicable("HEAD is Trello's handshake: 200, nothing stored (trello spec)"),
};
