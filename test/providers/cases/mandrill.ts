import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

/** Mandrill's documented example events (send, deferral, hard_bounce, open). */
export const MANDRILL_EVENTS = JSON.parse(
  readFileSync(
    join(__dirname, '../../../src/receivers/mandrill/fixtures/message-events.json'),
    'utf8',
  ),
) as Record<string, unknown>[];
export const MANDRILL_KEY = 'mandrill-webhook-key-0123456789';
const NEXT_KEY = 'mandrill-next-key';
const PATH = '/webhooks/mandrill/mail';
export const MANDRILL_URL = 'https://hooks.example.com/webhooks/mandrill/mail';
export const MANDRILL_FORM = 'application/x-www-form-urlencoded';

/**
 * Signs as Mandrill's documented reference (generate_signature), with node:crypto: the URL as
 * entered, then each POST field sorted by name, name and value, HMAC-SHA1, base64.
 */
export function mandrillHeaders(
  fields: Record<string, string>,
  key = MANDRILL_KEY,
  url = MANDRILL_URL,
): Record<string, string> {
  let data = url;
  for (const name of Object.keys(fields).sort()) data += name + fields[name];
  return {
    'content-type': MANDRILL_FORM,
    'x-mandrill-signature': createHmac('sha1', key).update(data, 'utf8').digest('base64'),
  };
}

/** A webhook POST as Mandrill makes it: a form whose one field is the events' JSON. */
export function mandrillRequest(
  fields: Record<string, string>,
  key?: string,
  path = PATH,
): WebhookRequest {
  return {
    path,
    headers: mandrillHeaders(fields, key),
    body: Buffer.from(new URLSearchParams(fields).toString()),
  };
}

/** The documented `send` event, as a batch of its own, for message `id`. */
const sendBatch = (id?: string) => {
  const send = MANDRILL_EVENTS[0];
  const event = id ? { ...send, _id: id, msg: { ...(send.msg as object), _id: id } } : send;
  return JSON.stringify([event]);
};
/** The gateway's documented key: SHA-256 of the mandrill_events text. */
const deliveryIdOf = (text: string) => createHash('sha256').update(text).digest('hex');

export const mandrillCase: ProviderCase = {
  name: 'Mandrill',
  provider: 'mandrill',
  endpoint: 'mail',
  app: () => ({
    endpoint: {
      provider: 'mandrill',
      id: 'mail',
      secrets: [NEXT_KEY, MANDRILL_KEY],
      publicUrl: MANDRILL_URL,
    },
  }),
  // Mandrill retries a failed batch as it was.
  sign: ({ key, body, secret }) =>
    body
      ? {
          path: PATH,
          headers: mandrillHeaders(
            Object.fromEntries(new URLSearchParams(body.toString())),
            secret,
          ),
          body,
        }
      : mandrillRequest({ mandrill_events: sendBatch(key) }, secret),
  secrets: [NEXT_KEY, MANDRILL_KEY],
  foreignSecret: { make: () => 'wrong-key' },
  signatureHeaders: ['x-mandrill-signature'],
  secretHeaders: [],
  documented: {
    type: 'send',
    providerDeliveryId: deliveryIdOf(sendBatch()),
    payload: { mandrill_events: [MANDRILL_EVENTS[0]] },
    payloadIncludes: { mandrill_events: [{ msg: { email: 'example.webhook@mandrillapp.com' } }] },
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => deliveryIdOf(sendBatch(key)), retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the event changed after signing',
      signedBody: Buffer.from(new URLSearchParams({ mandrill_events: sendBatch() }).toString()),
      sentBody: Buffer.from(
        new URLSearchParams({
          mandrill_events: sendBatch().replace('"send"', '"spam"'),
        }).toString(),
      ),
    },
  ],
  timestampWindow: notApplicable('Mandrill signs no timestamp'),
  otherRefusedContentTypes: ['application/json'],
  malformed: [
    { label: 'has no mandrill_events field', request: () => mandrillRequest({ events: '[]' }) },
    {
      label: 'has mandrill_events that is not JSON',
      request: () => mandrillRequest({ mandrill_events: '[{' }),
    },
  ],
  // HEAD is Mandrill's URL check (mandrill spec); GET is refused at the edge.
  refusedGet: { allow: 'HEAD, POST' },
  refusedHead: notApplicable("HEAD is Mandrill's URL check: 200, nothing stored (mandrill spec)"),
};
