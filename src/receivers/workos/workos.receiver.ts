import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * WorkOS webhooks: `WorkOS-Signature: t=<milliseconds>, v1=<hex>` (a space after the comma),
 * HMAC-SHA256 of `t + "." + body` under the endpoint's secret
 * (workos/workos-node `src/common/crypto/signature-provider.ts`). The SDK's default tolerance
 * is 180 s, past only; here 180 s both ways (`toleranceSeconds`).
 */
export const workosDescriptor: HmacDescriptor = {
  name: 'workos',
  title: 'WorkOS',
  algorithm: 'sha256',
  signature: {
    headers: ['WorkOS-Signature'],
    encoding: 'hex',
    // Items are trimmed, so `t=…, v1=…` and `t=…,v1=…` both read.
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 't', unit: 'ms', toleranceSeconds: 180 },
  type: { path: 'event' }, // dsync.user.created, user.created
  id: { path: 'id' }, // the event id (`wh_…`, `event_…`)
  occurredAt: { path: 'created_at' },
};

export type WorkosOptions = HmacOptions;
export const workosReceiver = hmacReceiver(workosDescriptor);
