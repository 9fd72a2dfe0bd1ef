import { createHmac } from 'node:crypto';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';
import { providerFixture } from './signed-json-case';

// @dropbox/sign examples/EventCallbackExample.ts: the documented API key and callback.
const API_KEY = '324e3b0840f065eb51f3fd63231d0d33daa35d4ed10d27718839e81737065782';
const NEXT_KEY = 'a7c2e9f0b4d1836a5e0c9b2f7d4a1e8c3b6f0d9a2e5c8b1f4a7d0e3c6b9f2a5d';
const EXAMPLE = providerFixture('dropbox-sign', 'account-confirmed.json');
const EXAMPLE_TIME = 1669926463;
const PATH = '/webhooks/dropbox-sign/sign';
const BOUNDARY = '----DropboxSignCallback7c1d';
const TOLERANCE = 36 * 3600;

/** The callback as Dropbox Sign posts it: multipart/form-data, the event in a field `json`. */
const multipart = (json: string | Buffer) =>
  Buffer.from(
    `--${BOUNDARY}\r\nContent-Disposition: form-data; name="json"\r\n\r\n${json}\r\n--${BOUNDARY}--\r\n`,
  );
const request = (body: Buffer): WebhookRequest => ({
  path: PATH,
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
  body,
});
/** The documented scheme, computed here: hex HMAC-SHA256(API key, event_time + event_type). */
const eventHash = (key: string, time: string, type: string) =>
  createHmac('sha256', key)
    .update(time + type)
    .digest('hex');

/** A signature_request_sent event per key; a retry resends the first attempt's event_time. */
const times = new Map<string, string>();
function event(key: string, at: Date, secret: string, type = 'signature_request_sent') {
  if (!times.has(key)) times.set(key, String(Math.floor(at.getTime() / 1000)));
  const time = times.get(key)!;
  return JSON.stringify({
    event: {
      event_time: time,
      event_type: type,
      event_hash: eventHash(secret, time, type),
      event_metadata: { related_signature_id: key, reported_for_account_id: 'acc1' },
    },
  });
}

export const dropboxSignCase: ProviderCase = {
  name: 'Dropbox Sign',
  provider: 'dropbox-sign',
  endpoint: 'sign',
  app: () => ({
    endpoint: { provider: 'dropbox-sign', id: 'sign', secrets: [NEXT_KEY, API_KEY] },
    clockStart: new Date((EXAMPLE_TIME + 60) * 1000),
  }),
  sign: ({ at, key, body, secret }) =>
    request(
      body ??
        multipart(
          key
            ? event(key, at, secret ?? API_KEY)
            : secret
              ? EXAMPLE.toString().replace(
                  /"event_hash": "[0-9a-f]+"/,
                  `"event_hash": "${eventHash(secret, String(EXAMPLE_TIME), 'account_confirmed')}"`,
                )
              : EXAMPLE,
        ),
    ),
  secrets: [NEXT_KEY, API_KEY],
  foreignSecret: { make: () => 'f'.repeat(64), message: /event_hash does not match/ },
  signatureHeaders: notApplicable('the signature is event.event_hash inside the json field'),
  secretHeaders: [],
  documented: {
    type: 'account_confirmed',
    providerDeliveryId: 'ff8b03439122f9160500c3fb855bdee5a9ccba5fff27d3b258745d8f3074832f',
    payload: JSON.parse(EXAMPLE.toString()),
  },
  acknowledgement: { contentType: 'text/plain; charset=utf-8', text: 'Hello API Event Received' },
  dedupe: {
    deliveryIdOf: (key) =>
      `${eventHash(API_KEY, times.get(key)!, 'signature_request_sent')}:${key}`,
    retryAfterMs: 5 * 60_000,
  },
  tamperings: [
    {
      label: 'another event_type than the one signed',
      signedBody: multipart(EXAMPLE),
      sentBody: multipart(
        EXAMPLE.toString().replace('account_confirmed', 'signature_request_signed'),
      ),
    },
  ],
  timestampWindow: { toleranceSeconds: TOLERANCE },
  otherRefusedContentTypes: [],
  malformed: [
    {
      label: 'signs an empty event_type',
      request: (at) => request(multipart(event(`empty${at.getTime()}`, at, API_KEY, ''))),
      message: /no event.event_type/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
