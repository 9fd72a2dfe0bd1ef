import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';

/**
 * Notion webhooks: `X-Notion-Signature: sha256=<hex HMAC-SHA256 of the body>` keyed with the
 * subscription's verification token (makenotion/notion-sdk-js `src/webhooks.ts`
 * verifyWebhookSignature; developers.notion.com/reference/webhooks). When a subscription is
 * created Notion POSTs the token itself, unsigned, as `{"verification_token": "…"}`: the
 * `verification-token-post` handshake answers it 200 and keeps nothing. A retry carries the
 * same event `id` with a higher `attempt_number`.
 */
export const notionDescriptor: HmacDescriptor = {
  name: 'notion',
  title: 'Notion',
  algorithm: 'sha256',
  signature: { headers: ['X-Notion-Signature'], encoding: 'hex', prefix: 'sha256=' },
  messages: {
    mismatch: 'The signature does not match the body under any configured verification token.',
  },
  handshake: { kind: 'verification-token-post', field: 'verification_token' },
  type: { path: 'type' }, // page.created, comment.created, data_source.schema_updated
  id: { path: 'id' },
  occurredAt: { path: 'timestamp' },
};

export type NotionOptions = HmacOptions;
export const notionReceiver = hmacReceiver(notionDescriptor);
