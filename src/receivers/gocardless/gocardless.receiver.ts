import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { normalizeGocardlessWebhook } from './gocardless.events';

/**
 * GoCardless: `Webhook-Signature: <hex HMAC-SHA256 of the body>` under the webhook endpoint's
 * secret (gocardless/gocardless-nodejs `src/webhooks.ts` verifySignature). A webhook not
 * answered 2xx within 10 s is retried, up to 8 times at growing intervals
 * (support.gocardless.com "Webhook retries / failures").
 */
export const gocardlessDescriptor: HmacDescriptor = {
  name: 'gocardless',
  title: 'GoCardless',
  ackDeadlineMs: 10_000,
  algorithm: 'sha256',
  signature: { headers: ['Webhook-Signature'], encoding: 'hex' },
  messages: {
    mismatch: 'The signature does not match the body under any configured endpoint secret.',
  },
  normalize: normalizeGocardlessWebhook,
};

export type GocardlessOptions = HmacOptions;
export const gocardlessReceiver = hmacReceiver(gocardlessDescriptor);
