import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * PagerDuty v3 webhooks: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>`, one HMAC-SHA256 of the body
 * per active signing secret, so several during a rotation; any may match
 * (PagerDuty/developer-docs `docs/webhooks/04-Signatures.md`). Each body holds one `event`.
 * Retried for up to 48 hours on timeouts, 5xx and 429; any other 4xx (our 401 too) is dropped
 * without a retry (`docs/webhooks/02-Behavior.md`).
 */
export const pagerdutyDescriptor: HmacDescriptor = {
  name: 'pagerduty',
  title: 'PagerDuty',
  // 5 s for generic webhooks (16 s for custom incident actions): 02-Behavior.md "Timeouts".
  ackDeadlineMs: 5_000,
  algorithm: 'sha256',
  signature: {
    headers: ['X-PagerDuty-Signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  type: { path: 'event.event_type' }, // incident.triggered, service.updated
  id: { path: 'event.id' },
  occurredAt: { path: 'event.occurred_at' },
};

export type PagerdutyOptions = HmacOptions;
export const pagerdutyReceiver = hmacReceiver(pagerdutyDescriptor);
