import type { IncomingWebhook, WebhookResponse } from '../../../receiver';

/**
 * A one-time, unsigned POST that hands the endpoint a token to paste back in the provider's UI:
 * Notion's `{"verification_token": "secret_…"}` when a webhook subscription is created
 * (developers.notion.com/reference/webhooks, "Verifying the subscription"). Only a JSON object
 * whose one field is that token is taken for it; it is answered 200 with no body, and the token
 * is never stored, logged or echoed (docs/providers.md#notion says how to obtain it safely).
 */
export interface VerificationTokenPost {
  readonly kind: 'verification-token-post';
  /** The body's one field, e.g. `verification_token`. */
  readonly field: string;
}

/** Far above a real token, far below anything worth parsing twice. */
const MAX_BYTES = 1024;

export function answerVerificationTokenPost(
  handshake: VerificationTokenPost,
  req: IncomingWebhook,
): WebhookResponse | undefined {
  if (req.contentType !== 'application/json' || req.rawBody.length > MAX_BYTES) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody.toString('utf8'));
  } catch {
    return undefined; // not the handshake: verification refuses it
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const keys = Object.keys(body);
  const token = (body as Record<string, unknown>)[handshake.field];
  return keys.length === 1 && typeof token === 'string' && token !== ''
    ? { status: 200 }
    : undefined;
}
