import type { IncomingWebhook, WebhookResponse } from '../receiver';

/**
 * Dropbox verifies a new webhook URL with `GET ?challenge=<random>` and expects the value echoed
 * as the body. It is unsigned and reflects caller input, so Dropbox asks for text/plain with
 * nosniff to rule out reflected XSS.
 */
export function answerDropboxChallenge(req: IncomingWebhook): WebhookResponse | undefined {
  const challenge = req.query.challenge;
  if (req.method !== 'GET' || !challenge) return undefined;
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: challenge,
  };
}
