import type { WebhookResponse } from '../../receiver';

/** 200 with the caller's challenge, as text no browser sniffs into HTML (it is caller input). */
export function echo(challenge: string): WebhookResponse {
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: challenge,
  };
}
