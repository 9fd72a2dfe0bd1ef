import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Paddle Billing notifications: `Paddle-Signature: ts=<seconds>;h1=<hex>`, HMAC-SHA256 of
 * `ts + ":" + body` under the destination's secret key
 * (PaddleHQ/paddle-node-sdk `src/notifications/helpers/webhooks-validator.ts`). The SDK keeps
 * only the last `h1` of a header; every `h1` is a candidate here, so a header carrying several
 * (a secret rotation) passes under any of them. The SDK refuses a `ts` more than 5 s old; the
 * gateway's window is the default 300 s both ways (`toleranceSeconds` narrows it), since
 * retries are re-signed but a queue or a clock may lag by more than 5 s.
 */
export const paddleDescriptor: HmacDescriptor = {
  name: 'paddle',
  title: 'Paddle',
  // "Respond within 5 seconds" (developer.paddle.com/webhooks/respond-to-webhooks).
  ackDeadlineMs: 5_000,
  algorithm: 'sha256',
  signature: {
    headers: ['Paddle-Signature'],
    encoding: 'hex',
    list: { separator: ';', keyValue: '=', signatureKey: 'h1' },
  },
  signedContent: '{timestamp}:{body}',
  timestamp: { signatureField: 'ts', unit: 's' },
  type: { path: 'event_type' }, // transaction.completed, subscription.created
  // The event's id; a redelivery of the notification carries the same event.
  id: { path: 'event_id' },
  occurredAt: { path: 'occurred_at' },
};

export type PaddleOptions = HmacOptions;
export const paddleReceiver = hmacReceiver(paddleDescriptor);
