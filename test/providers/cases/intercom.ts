import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const NOTIFICATION = readFileSync(
  join(__dirname, '../../../src/receivers/intercom/fixtures/conversation-user-created.json'),
);
const SECRET = 'intercom-e2e-client-secret';
const NEXT_SECRET = 'intercom-e2e-next-secret';
const PATH = '/webhooks/intercom/inbox';
const NOTIFICATION_ID = 'notif_5c2d5a8e-3c1b-4f0e-9a43-0b4f7b3e1c11';

/** Signed as independent verifiers describe Intercom's scheme (sha1=), with node:crypto. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'x-hub-signature': `sha1=${createHmac('sha1', secret).update(body).digest('hex')}`,
  },
  body,
});

/** The notification with another id and delivery attempt count, as a resend carries them. */
const notification = (id: string, attempt = 1) =>
  Buffer.from(
    NOTIFICATION.toString()
      .replace(NOTIFICATION_ID, id)
      .replace('"delivery_attempts": 1', `"delivery_attempts": ${attempt}`),
  );

export const intercomCase: ProviderCase = {
  name: 'Intercom',
  provider: 'intercom',
  endpoint: 'inbox',
  app: () => ({ endpoint: { provider: 'intercom', id: 'inbox', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret, attempt }) =>
    signed(body ?? (key ? notification(key, attempt) : NOTIFICATION), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-app-secret' },
  signatureHeaders: ['x-hub-signature'],
  secretHeaders: [],
  documented: {
    type: 'conversation.user.created',
    providerDeliveryId: NOTIFICATION_ID,
    payload: JSON.parse(NOTIFICATION.toString()),
    payloadIncludes: { data: { item: { source: { author: { name: 'Ana Pérez' } } } } },
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another topic after signing',
      signedBody: NOTIFICATION,
      sentBody: Buffer.from(NOTIFICATION.toString().replace('user.created', 'admin.closed')),
    },
  ],
  timestampWindow: notApplicable('Intercom signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"topic":')) },
    {
      label: 'has no topic',
      request: () => signed(Buffer.from('{"type":"notification_event","id":"notif_x"}')),
      message: /"topic"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
