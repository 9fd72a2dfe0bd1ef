import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const EVENT = JSON.parse(
  readFileSync(join(__dirname, '../../../src/receivers/segment/fixtures/track.json')).toString(),
) as Record<string, unknown>;
/** What Segment's Actions destination sends: JSON.stringify of the event. */
const TRACK = Buffer.from(JSON.stringify(EVENT));
const SECRET = 'segment-e2e-shared-secret';
const NEXT_SECRET = 'segment-e2e-next-shared-secret';
const PATH = '/webhooks/segment/events';

/** Signed as Segment documents it (hex HMAC-SHA1 of the body), with node:crypto. */
const signed = (body: Buffer, secret = SECRET): WebhookRequest => ({
  path: PATH,
  headers: {
    'content-type': 'application/json',
    'user-agent': 'Segment.io/1.0',
    'x-signature': createHmac('sha1', secret).update(body).digest('hex'),
  },
  body,
});

/** The Track example under another messageId; a retry sends the same message. */
const track = (messageId: string) => Buffer.from(JSON.stringify({ ...EVENT, messageId }));

export const segmentCase: ProviderCase = {
  name: 'Segment',
  provider: 'segment',
  endpoint: 'events',
  app: () => ({ endpoint: { provider: 'segment', id: 'events', secrets: [NEXT_SECRET, SECRET] } }),
  sign: ({ key, body, secret }) => signed(body ?? (key ? track(key) : TRACK), secret),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-destination-secret' },
  signatureHeaders: ['x-signature'],
  secretHeaders: [],
  documented: {
    type: 'track',
    providerDeliveryId: 'ajs-f8ca1e4de5024d9430b3928bd8ac6b96',
    payload: EVENT,
  },
  acknowledgement: 'json',
  // Retried for up to 4 hours when not answered 2xx within 5 s, with the same messageId.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another user after signing',
      signedBody: TRACK,
      sentBody: Buffer.from(TRACK.toString().replace('AiUGstSDIg', 'someone-else')),
    },
  ],
  timestampWindow: notApplicable('Segment signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"type":')) },
    {
      label: 'is a batch',
      request: () => signed(Buffer.from(`[${TRACK.toString()}]`)),
      message: /batch/,
    },
    {
      label: 'has no type',
      request: () => signed(Buffer.from('{"messageId":"m-1"}')),
      message: /"type"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
