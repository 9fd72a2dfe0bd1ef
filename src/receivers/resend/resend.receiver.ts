import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import {
  standardWebhooksWire,
  WHSEC_KEY,
  WHSEC_RULES,
} from '../standard-webhooks/standard-webhooks.wire';

/**
 * Resend delivers through Svix: `svix-id`, `svix-timestamp`, `svix-signature` under the
 * endpoint's `whsec_…` signing secret; resend-node's `webhooks.verify` hands them to the
 * `standardwebhooks` verifier (resend/resend-node `src/webhooks/webhooks.ts`; the headers are
 * named in resend.com/docs/webhooks/verify-webhooks-requests). Svix waits 15 s for an answer
 * and retries on its schedule (docs.svix.com/retries).
 */
export const resendDescriptor: HmacDescriptor = {
  ...standardWebhooksWire({
    name: 'resend',
    title: 'Resend',
    family: 'svix',
    key: WHSEC_KEY,
    secretRules: WHSEC_RULES,
    ackDeadlineMs: 15_000,
  }),
  occurredAt: { path: 'created_at' },
};

export type ResendOptions = HmacOptions;
export const resendReceiver = hmacReceiver(resendDescriptor);
