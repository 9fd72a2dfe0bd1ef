import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderCase, WebhookRequest } from '../provider-case';

export const ZENDESK_EVENT = readFileSync(
  join(__dirname, '../../../src/receivers/zendesk/fixtures/user-active-changed.json'),
);
export const ZENDESK_SECRET = 'zendesk-signing-secret-HRkRd4BeOAoUkfZr';
const NEXT_SECRET = 'zendesk-next-signing-secret';
const PATH = '/webhooks/zendesk/support';
const INVOCATION = '8350205582';

/** Zendesk's timestamps are ISO-8601 to the second (`2021-03-25T05:09:27Z`). */
export const zendeskTimestamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The headers of https://developer.zendesk.com/documentation/webhooks/anatomy-of-a-webhook-request/,
 * signed as its verifying page says, with node:crypto: base64(HMAC-SHA256(TIMESTAMP + BODY)).
 */
export function zendeskHeaders(
  body: Buffer,
  {
    at,
    secret = ZENDESK_SECRET,
    invocation = INVOCATION,
    timestamp = zendeskTimestamp(at),
  }: {
    at: Date;
    secret?: string;
    invocation?: string;
    timestamp?: string;
  },
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-zendesk-account-id': '123456',
    'x-zendesk-webhook-id': '01F1KRFQ6BG29CNWFR60NK5FNY',
    'x-zendesk-webhook-invocation-id': invocation,
    'x-zendesk-webhook-signature': createHmac('sha256', secret)
      .update(timestamp)
      .update(body)
      .digest('base64'),
    'x-zendesk-webhook-signature-timestamp': timestamp,
  };
}

const signed = (body: Buffer, at: Date, secret?: string, invocation?: string): WebhookRequest => ({
  path: PATH,
  headers: zendeskHeaders(body, { at, secret, invocation }),
  body,
});

export const zendeskCase: ProviderCase = {
  name: 'Zendesk',
  provider: 'zendesk',
  endpoint: 'support',
  app: () => ({
    endpoint: { provider: 'zendesk', id: 'support', secrets: [NEXT_SECRET, ZENDESK_SECRET] },
  }),
  // A retry is another attempt of the same invocation, signed again when it is sent.
  sign: ({ at, key, body, secret }) => signed(body ?? ZENDESK_EVENT, at, secret, key),
  secrets: [NEXT_SECRET, ZENDESK_SECRET],
  foreignSecret: { make: () => 'wrong-secret' },
  signatureHeaders: ['x-zendesk-webhook-signature'],
  secretHeaders: [],
  documented: {
    type: 'zen:event-type:user.active_changed',
    providerDeliveryId: INVOCATION,
    payload: JSON.parse(ZENDESK_EVENT.toString()),
  },
  acknowledgement: 'json',
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'the role changed after signing',
      signedBody: ZENDESK_EVENT,
      sentBody: Buffer.from(ZENDESK_EVENT.toString().replace('end-user', 'admin')),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: ['application/xml', 'application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: (at) => signed(Buffer.from('{"type":'), at) },
    { label: 'is empty', request: (at) => signed(Buffer.alloc(0), at) },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
