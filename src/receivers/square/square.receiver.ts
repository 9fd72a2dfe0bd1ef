import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Square webhook subscriptions: `x-square-hmacsha256-signature`, the base64 HMAC-SHA256 of the
 * notification URL followed by the body, under the subscription's signature key
 * (square/square-nodejs-sdk `src/wrapper/WebhooksHelper.ts`, which compares with `===`; here
 * in constant time). The URL is the endpoint's `publicUrl`, which must be the notification URL
 * exactly as entered in Square. Square signs no timestamp. Answer within 10 s
 * (developer.squareup.com/docs/webhooks/troubleshooting).
 */
export const squareDescriptor: HmacDescriptor = {
  name: 'square',
  title: 'Square',
  ackDeadlineMs: 10_000,
  algorithm: 'sha256',
  signature: { headers: ['x-square-hmacsha256-signature'], encoding: 'base64' },
  signedContent: '{url}{body}',
  messages: {
    mismatch:
      'The signature does not match the notification URL and the body under any configured signature key; set the endpoint publicUrl to the notification URL exactly as registered in Square.',
  },
  type: { path: 'type' }, // payment.updated, webhooks.test_notification
  // The event's id, the same on every retry ("Webhooks can be sent more than once").
  id: { path: 'event_id' },
  occurredAt: { path: 'created_at' },
};

export type SquareOptions = HmacOptions;
export const squareReceiver = hmacReceiver(squareDescriptor);
