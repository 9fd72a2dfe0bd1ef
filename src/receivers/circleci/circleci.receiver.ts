import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * CircleCI outbound webhooks: `circleci-signature: v1=<hex HMAC-SHA256 of the body>[,v2=…]`.
 * Only `v1` is read, as CircleCI asks ("only check the latest signature type to prevent
 * downgrade attacks"; circleci/circleci-docs `docs/guides/modules/integration/pages/
 * outbound-webhooks.adoc`). Requests may be duplicated: the body `id` de-duplicates them.
 */
export const circleciDescriptor: HmacDescriptor = {
  name: 'circleci',
  title: 'CircleCI',
  ackDeadlineMs: 10_000, // "The timeout period is currently 10 seconds."
  algorithm: 'sha256',
  signature: {
    headers: ['circleci-signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  type: { path: 'type' }, // workflow-completed, job-completed
  id: { path: 'id' },
  occurredAt: { path: 'happened_at' },
};

export type CircleciOptions = HmacOptions;
export const circleciReceiver = hmacReceiver(circleciDescriptor);
