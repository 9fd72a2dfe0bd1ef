import type { WebhookResponse } from '../receiver';

/**
 * An empty 200. Slack shows a slash command's response body to the user as a message, and an
 * interactivity ack must be empty unless it means something (a `response_action`), so the
 * gateway's `{ id, duplicate }` travels in headers instead of the body.
 */
export function acknowledgeSlack(result: { id: string; duplicate: boolean }): WebhookResponse {
  return {
    status: 200,
    headers: {
      'x-hookgate-delivery-id': result.id,
      'x-hookgate-duplicate': String(result.duplicate),
    },
  };
}
