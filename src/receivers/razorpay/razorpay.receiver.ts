import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Razorpay webhooks: `X-Razorpay-Signature: <hex HMAC-SHA256 of the body>` under the webhook
 * secret (razorpay/razorpay-node `lib/utils/razorpay-utils.js` validateWebhookSignature, which
 * compares with `===`; here it is constant-time). Duplicates carry the same
 * `x-razorpay-event-id`; failed deliveries are retried with backoff for 24 hours
 * (razorpay.com/docs/webhooks/best-practices).
 */
export const razorpayDescriptor: HmacDescriptor = {
  name: 'razorpay',
  title: 'Razorpay',
  ackDeadlineMs: 5_000, // "Reply 2xx within 5 seconds" (razorpay.com/docs, webhooks and fetch APIs)
  algorithm: 'sha256',
  signature: { headers: ['X-Razorpay-Signature'], encoding: 'hex' },
  messages: {
    mismatch: 'The signature does not match the body under any configured webhook secret.',
  },
  type: { path: 'event' }, // payment.captured, order.paid
  id: { header: 'X-Razorpay-Event-Id' },
};

export type RazorpayOptions = HmacOptions;
export const razorpayReceiver = hmacReceiver(razorpayDescriptor);
