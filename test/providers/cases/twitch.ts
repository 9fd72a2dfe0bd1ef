import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderCase, WebhookRequest } from '../provider-case';

export const twitchFixture = (name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers/twitch/fixtures', name));
const FOLLOW = twitchFixture('channel-follow.json');
const MESSAGE_ID = 'befa7b53-d79d-478f-86b9-120f112b044e';
export const TWITCH_SECRET = 'twitch-e2e-eventsub-secret';
const NEXT_SECRET = 'twitch-e2e-next-eventsub-secret';
const TWITCH_PATH = '/webhooks/twitch/stream';

/** Signed as Twitch documents it, with node:crypto: HMAC(id + timestamp + body). */
export function twitchSigned(
  body: Buffer,
  at: Date,
  { secret = TWITCH_SECRET, id = MESSAGE_ID, type = 'notification', retry = 0 } = {},
): WebhookRequest {
  const timestamp = at.toISOString().replace('Z', '634234Z'); // RFC 3339, nanoseconds
  const hmac = createHmac('sha256', secret)
    .update(id + timestamp)
    .update(body)
    .digest('hex');
  return {
    path: TWITCH_PATH,
    headers: {
      'content-type': 'application/json',
      'twitch-eventsub-message-id': id,
      'twitch-eventsub-message-retry': String(retry),
      'twitch-eventsub-message-type': type,
      'twitch-eventsub-message-signature': `sha256=${hmac}`,
      'twitch-eventsub-message-timestamp': timestamp,
      'twitch-eventsub-subscription-type': 'channel.follow',
      'twitch-eventsub-subscription-version': '2',
    },
    body,
  };
}

export const twitchCase: ProviderCase = {
  name: 'Twitch EventSub',
  provider: 'twitch',
  endpoint: 'stream',
  app: () => ({
    endpoint: { provider: 'twitch', id: 'stream', secrets: [NEXT_SECRET, TWITCH_SECRET] },
  }),
  // A resend keeps the message id, and is signed again with a new timestamp.
  sign: ({ at, key, body, secret, attempt = 1 }) =>
    twitchSigned(body ?? FOLLOW, at, { secret, id: key ?? MESSAGE_ID, retry: attempt - 1 }),
  secrets: [NEXT_SECRET, TWITCH_SECRET],
  foreignSecret: { make: () => 'another-eventsub-secret' },
  signatureHeaders: ['twitch-eventsub-message-signature'],
  secretHeaders: [],
  documented: {
    type: 'channel.follow',
    providerDeliveryId: MESSAGE_ID,
    payload: JSON.parse(FOLLOW.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 10_000 },
  tamperings: [
    {
      label: 'another follower after signing',
      signedBody: FOLLOW,
      sentBody: Buffer.from(FOLLOW.toString().replace('cool_user', 'evil_user')),
    },
  ],
  timestampWindow: { toleranceSeconds: 600 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: (at) => twitchSigned(Buffer.from('{"subscription":'), at) },
    {
      label: 'is of an unknown message type',
      request: (at) => twitchSigned(FOLLOW, at, { type: 'telemetry' }),
      message: /Twitch-Eventsub-Message-Type/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
