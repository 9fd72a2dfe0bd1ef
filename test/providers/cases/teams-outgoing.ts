import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const MESSAGE = readFileSync(
  join(__dirname, '../../../src/receivers/teams-outgoing/fixtures/message.json'),
);
const TOKEN = Buffer.from('teams-e2e-security-token-32bytes').toString('base64');
const NEXT_TOKEN = Buffer.from('teams-e2e-next-token-of-32-bytes').toString('base64');
const PATH = '/webhooks/teams-outgoing/channel';

/** Signed as Microsoft's sample checks it: HMAC-SHA256 keyed with the decoded token. */
const signed = (body: Buffer, token = TOKEN): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    authorization: `HMAC ${createHmac('sha256', Buffer.from(token, 'base64')).update(body).digest('base64')}`,
  },
  body,
});

/** The message under another activity id; a resend keeps it. */
const message = (id: string) =>
  Buffer.from(JSON.stringify({ ...JSON.parse(MESSAGE.toString()), id }));

export const teamsOutgoingCase: ProviderCase = {
  name: 'Teams outgoing webhook',
  provider: 'teams-outgoing',
  endpoint: 'channel',
  app: () => ({
    endpoint: { provider: 'teams-outgoing', id: 'channel', secrets: [NEXT_TOKEN, TOKEN] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? (key ? message(key) : MESSAGE), secret),
  secrets: [NEXT_TOKEN, TOKEN],
  foreignSecret: { make: () => Buffer.from('another-team-webhook-token-bytes').toString('base64') },
  signatureHeaders: ['authorization'],
  secretHeaders: ['authorization'],
  documented: {
    type: 'message',
    providerDeliveryId: '1485983408511',
    payload: JSON.parse(MESSAGE.toString()),
  },
  acknowledgement: {
    contentType: 'application/json; charset=utf-8',
    text: '{"type":"message","text":"Received."}',
  },
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the text changed after signing',
      signedBody: MESSAGE,
      sentBody: Buffer.from(MESSAGE.toString().replace('</at> Hello', '</at> Delete all')),
    },
  ],
  timestampWindow: notApplicable('Teams signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"type":')) },
    {
      label: 'has no type',
      request: () => signed(Buffer.from('{"id":"1485983408511"}')),
      message: /"type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
