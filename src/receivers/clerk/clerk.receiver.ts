import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacOptions } from '../shared/hmac/descriptor';
import {
  standardWebhooksWire,
  WHSEC_KEY,
  WHSEC_RULES,
} from '../standard-webhooks/standard-webhooks.wire';

/**
 * Clerk delivers through Svix: `svix-id`, `svix-timestamp`, `svix-signature` under the
 * endpoint's `whsec_…` signing secret; @clerk/backend's `verifyWebhook` maps them to
 * `webhook-*` and verifies with `standardwebhooks` (clerk/javascript
 * `packages/backend/src/webhooks.ts`). Svix waits 15 s for an answer and retries on its
 * schedule (docs.svix.com/retries).
 */
export const clerkDescriptor = standardWebhooksWire({
  name: 'clerk',
  title: 'Clerk',
  family: 'svix',
  key: WHSEC_KEY,
  secretRules: WHSEC_RULES,
  ackDeadlineMs: 15_000,
});

export type ClerkOptions = HmacOptions;
export const clerkReceiver = hmacReceiver(clerkDescriptor);
