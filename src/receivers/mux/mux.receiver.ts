import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Mux webhooks: `mux-signature: t=<seconds>,v1=<hex>`, HMAC-SHA256 of `t + "." + body` under
 * the webhook's signing secret; any `v1` may match, other versions are ignored
 * (muxinc/mux-node-sdk `src/resources/webhooks/webhooks.ts`, which refuses a `t` more than
 * 300 s old; here the same 300 s apply both ways).
 */
export const muxDescriptor: HmacDescriptor = {
  name: 'mux',
  title: 'Mux',
  algorithm: 'sha256',
  signature: {
    headers: ['mux-signature'],
    encoding: 'hex',
    list: { separator: ',', keyValue: '=', signatureKey: 'v1' },
  },
  signedContent: '{timestamp}.{body}',
  timestamp: { signatureField: 't', unit: 's' },
  type: { path: 'type' }, // video.asset.ready, video.live_stream.active
  // The event's id: a retry resends the same event (docs.mux.com/core/listen-for-webhooks).
  id: { path: 'id' },
  occurredAt: { path: 'created_at' },
};

export type MuxOptions = HmacOptions;
export const muxReceiver = hmacReceiver(muxDescriptor);
