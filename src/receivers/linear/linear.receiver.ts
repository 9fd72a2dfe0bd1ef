import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { eventWithActionBody } from './linear.events';

/**
 * Linear webhooks: `Linear-Signature: <hex HMAC-SHA256 of the body>` under the webhook's signing
 * secret, and a replay window on the body's own `webhookTimestamp` (ms): the timestamp is not
 * part of the signed bytes, but the body is, so it cannot be moved. Linear's SDK refuses more
 * than 60 s either way (linear/linear `packages/sdk/src/webhooks/client.ts` verify), and so does
 * this descriptor unless `options.toleranceSeconds` says otherwise.
 */
export const linearDescriptor: HmacDescriptor = {
  name: 'linear',
  title: 'Linear',
  algorithm: 'sha256',
  signature: { headers: ['Linear-Signature'], encoding: 'hex' },
  timestamp: { path: 'webhookTimestamp', unit: 'ms', toleranceSeconds: 60 },
  messages: {
    mismatch: 'The signature does not match the body under any configured signing secret.',
  },
  normalize: eventWithActionBody,
};

export type LinearOptions = HmacOptions;
export const linearReceiver = hmacReceiver(linearDescriptor);
