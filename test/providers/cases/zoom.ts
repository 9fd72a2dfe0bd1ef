import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderCase, WebhookRequest } from '../provider-case';

export const zoomFixture = (name: string) =>
  readFileSync(join(__dirname, '../../../src/receivers/zoom/fixtures', name));
const EVENT = zoomFixture('meeting-started.json');
const UUID = '4444AAAiAAAAAiAiAiiAii==';
export const ZOOM_SECRET = 'zoom-e2e-secret-token';
const NEXT_SECRET = 'zoom-e2e-next-secret-token';
export const ZOOM_PATH = '/webhooks/zoom/meetings';

/** Signed as Zoom documents it, with node:crypto: v0= hex HMAC of "v0:{ts}:{body}". */
export function zoomSigned(body: Buffer, at: Date, secret = ZOOM_SECRET): WebhookRequest {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const signature = createHmac('sha256', secret)
    .update(`v0:${timestamp}:`)
    .update(body)
    .digest('hex');
  return {
    path: ZOOM_PATH,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-zm-request-timestamp': timestamp,
      'x-zm-signature': `v0=${signature}`,
    },
    body,
  };
}

const withKey = (key: string) => Buffer.from(EVENT.toString().replace(UUID, key));
const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

export const zoomCase: ProviderCase = {
  name: 'Zoom',
  provider: 'zoom',
  endpoint: 'meetings',
  app: () => ({
    endpoint: { provider: 'zoom', id: 'meetings', secrets: [NEXT_SECRET, ZOOM_SECRET] },
  }),
  // A retry resends the same body, signed again with a new timestamp.
  sign: ({ at, key, body, secret }) => zoomSigned(body ?? (key ? withKey(key) : EVENT), at, secret),
  secrets: [NEXT_SECRET, ZOOM_SECRET],
  foreignSecret: { make: () => 'another-secret-token' },
  signatureHeaders: ['x-zm-signature'],
  secretHeaders: [],
  documented: {
    type: 'meeting.started',
    providerDeliveryId: sha256(EVENT),
    payload: JSON.parse(EVENT.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => sha256(withKey(key)), retryAfterMs: 5 * 60_000 },
  tamperings: [
    {
      label: 'another topic after signing',
      signedBody: EVENT,
      sentBody: Buffer.from(EVENT.toString().replace('My Meeting', 'Their Meeting')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: (at) => zoomSigned(Buffer.from('{"event":'), at) },
    {
      label: 'has no event',
      request: (at) => zoomSigned(Buffer.from('{"payload":{}}'), at),
      message: /"event"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
