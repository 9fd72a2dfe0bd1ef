import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Onfido: hex HMAC-SHA256 of the body under the webhook token (onfido/onfido-node
 * `webhook-event-verifier.ts`), sent in `X-SHA2-Signature` (the header name is not in the SDK;
 * docs/providers.md#onfido). The body is `{ payload: { resource_type, action, object } }` and
 * carries no event id: an object id with its action is not unique (a watchlist monitor reports
 * `matches_updated` again and again), so identical bodies, i.e. retries, are what is
 * de-duplicated.
 */
export const onfidoDescriptor: HmacDescriptor = {
  name: 'onfido',
  title: 'Onfido',
  algorithm: 'sha256',
  signature: { headers: ['X-SHA2-Signature'], encoding: 'hex' },
  messages: {
    mismatch: 'The signature does not match the body under any configured webhook token.',
  },
  type: { path: 'payload.action' }, // check.completed, workflow_run.completed
  id: 'body-hash',
  occurredAt: { path: 'payload.object.completed_at_iso8601' },
};

export type OnfidoOptions = HmacOptions;
export const onfidoReceiver = hmacReceiver(onfidoDescriptor);
