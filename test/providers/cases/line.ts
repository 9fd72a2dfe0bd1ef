import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateSignature } from '@line/bot-sdk';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

export const LINE_MESSAGE = readFileSync(
  join(__dirname, '../../../src/receivers/line/fixtures/message-text.json'),
);
export const LINE_SECRET = 'line-e2e-channel-secret';
const NEXT_SECRET = 'line-e2e-next-channel-secret';
const PATH = '/webhooks/line/bot';

/**
 * Signed with node:crypto as LINE documents it (base64 HMAC-SHA256 of the body), and each
 * signature checked with @line/bot-sdk's validateSignature before it is sent.
 */
export function lineSigned(body: Buffer, secret = LINE_SECRET, path = PATH): WebhookRequest {
  const signature = createHmac('sha256', secret).update(body).digest('base64');
  if (!validateSignature(body, secret, signature)) {
    throw new Error('@line/bot-sdk does not accept the signature this case made');
  }
  return {
    path,
    headers: { 'content-type': 'application/json', 'x-line-signature': signature },
    body,
  };
}

/** The example message under another webhookEventId; a redelivery keeps it. */
const message = (eventId: string) => {
  const body = JSON.parse(LINE_MESSAGE.toString()) as { events: Record<string, unknown>[] };
  body.events[0] = { ...body.events[0], webhookEventId: eventId };
  return Buffer.from(JSON.stringify(body));
};

export const lineCase: ProviderCase = {
  name: 'LINE',
  provider: 'line',
  endpoint: 'bot',
  app: () => ({ endpoint: { provider: 'line', id: 'bot', secrets: [NEXT_SECRET, LINE_SECRET] } }),
  sign: ({ key, body, secret }) => lineSigned(body ?? (key ? message(key) : LINE_MESSAGE), secret),
  secrets: [NEXT_SECRET, LINE_SECRET],
  foreignSecret: { make: () => 'another-channel-secret' },
  signatureHeaders: ['x-line-signature'],
  secretHeaders: [],
  documented: {
    type: 'message',
    providerDeliveryId: '01FZ74A0TDDPYRVKNK77XKC3ZR',
    payload: JSON.parse(LINE_MESSAGE.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the text changed after signing',
      signedBody: LINE_MESSAGE,
      sentBody: Buffer.from(LINE_MESSAGE.toString().replace('Hello, world', 'Goodbye')),
    },
  ],
  timestampWindow: notApplicable('LINE signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => lineSigned(Buffer.from('{"events":')) },
    {
      label: 'has no events',
      request: () => lineSigned(Buffer.from('{"destination":"U1"}')),
      message: /"events"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
