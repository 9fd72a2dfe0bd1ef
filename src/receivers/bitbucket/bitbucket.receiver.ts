import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Bitbucket Cloud signs the raw body with HMAC-SHA256 under the webhook's secret:
 * `X-Hub-Signature: sha256=<hex>` (GitHub's SHA-256 format under GitHub's legacy SHA-1 header
 * name). No timestamp is signed, so replays are caught by de-duplicating X-Request-UUID.
 */
export const bitbucketDescriptor: HmacDescriptor = {
  name: 'bitbucket',
  title: 'Bitbucket',
  // Bitbucket Cloud times a request out after 10 s (and resends on 5xx, twice).
  ackDeadlineMs: 10_000,
  algorithm: 'sha256',
  signature: { headers: ['X-Hub-Signature'], encoding: 'hex', prefix: 'sha256=' },
  messages: { missing: 'X-Hub-Signature is missing: set a secret on the Bitbucket webhook.' },
  type: { header: 'X-Event-Key' }, // repo:push, pullrequest:created
  id: { header: 'X-Request-UUID' },
};

export type BitbucketOptions = HmacOptions;
export const bitbucketReceiver = hmacReceiver(bitbucketDescriptor);
