import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Vercel webhooks: `x-vercel-signature: <hex HMAC-SHA1 of the body>`, no prefix, no timestamp,
 * under the webhook's secret (account webhooks) or the integration's Client Secret
 * (vercel.com/docs/webhooks/webhooks-api#securing-webhooks; read here only through independent
 * verifiers, docs/providers.md#vercel). Body: `id`, `type` (`deployment.succeeded`),
 * `createdAt`, `payload`.
 */
export const vercelDescriptor: HmacDescriptor = {
  name: 'vercel',
  title: 'Vercel',
  algorithm: 'sha1',
  signature: { headers: ['x-vercel-signature'], encoding: 'hex' },
  type: { path: 'type' },
  id: { path: 'id' },
};

export type VercelOptions = HmacOptions;
export const vercelReceiver = hmacReceiver(vercelDescriptor);
