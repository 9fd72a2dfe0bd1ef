import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Pusher from 'pusher';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const PUSHER_OCCUPIED = readFileSync(
  join(__dirname, '../../../src/receivers/pusher/fixtures/channel-occupied.json'),
);
export const PUSHER_KEY = '278d425bdf160c739803';
const SECRET = 'pusher-app-secret-7ad3773142a6692b25b8';
const NEXT_SECRET = 'pusher-next-secret';
const PATH = '/webhooks/pusher/app';
const TIME_MS = 1327078148132;

/** pusher-http-node's signer (Pusher.Token, exported at runtime but not in its typings). */
const SdkToken = (Pusher as unknown as { Token: new (key: string, secret: string) => SdkToken })
  .Token;
interface SdkToken {
  sign(body: string): string;
}

/** Headers as Pusher sends them, signed by pusher-http-node itself. */
export function pusherHeaders(
  body: Buffer,
  secret: string,
  key = PUSHER_KEY,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-pusher-key': key,
    'x-pusher-signature': new SdkToken(key, secret).sign(body.toString('utf8')),
  };
}

/** A channel_occupied webhook for channel `key`. */
const occupiedBody = (channel: string) =>
  Buffer.from(
    JSON.stringify({ time_ms: TIME_MS, events: [{ name: 'channel_occupied', channel }] }),
  );

/** The gateway's documented key: SHA-256 over time_ms and the events (Pusher sends no id). */
const deliveryIdOf = (body: Buffer) => {
  const { time_ms: timeMs, events } = JSON.parse(body.toString()) as {
    time_ms: number;
    events: unknown[];
  };
  return createHash('sha256').update(`${timeMs}`).update(JSON.stringify(events)).digest('hex');
};

const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: pusherHeaders(body, secret),
  body,
});

export const pusherCase: ProviderCase = {
  name: 'Pusher',
  provider: 'pusher',
  endpoint: 'app',
  // Bare secrets here (any app key); key:secret pairs and key selection: pusher.e2e-spec.ts.
  app: () => ({ endpoint: { provider: 'pusher', id: 'app', secrets: [NEXT_SECRET, SECRET] } }),
  // A retry of the same webhook has the same body (same time_ms and events).
  sign: ({ key, body, secret }) =>
    signed(body ?? (key ? occupiedBody(key) : PUSHER_OCCUPIED), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-pusher-signature'],
  secretHeaders: [],
  documented: {
    type: 'channel_occupied',
    providerDeliveryId: deliveryIdOf(PUSHER_OCCUPIED),
    payload: JSON.parse(PUSHER_OCCUPIED.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => deliveryIdOf(occupiedBody(key)), retryAfterMs: 30_000 },
  tamperings: [
    {
      label: 'another channel than the one signed',
      signedBody: PUSHER_OCCUPIED,
      sentBody: Buffer.from(PUSHER_OCCUPIED.toString().replace('test_channel', 'other_channel')),
    },
  ],
  timestampWindow: notApplicable(
    'Pusher signs no timestamp header; time_ms is kept across retries',
  ),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"time_ms":')) },
    { label: 'has no events', request: () => signed(Buffer.from('{"time_ms":1327078148132}')) },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
