import type { IncomingWebhook, WebhookResponse } from '../../receiver';

/**
 * The unsigned handshakes a descriptor can name (docs/providers.md; the catalogue grows with
 * the providers that need one):
 * - `echo-query`: `GET ?<param>=C` is answered 200 with `C` as text/plain and nosniff, since it
 *   reflects caller input (Dropbox's `?challenge=`).
 * - `plain-200`: any request of `method` is answered 200 with no body (Trello's `HEAD`).
 */
export type Handshake =
  | { readonly kind: 'echo-query'; readonly param: string }
  | { readonly kind: 'plain-200'; readonly method: 'GET' | 'HEAD' };

/** The method the handshake arrives with, accepted besides POST. */
export function handshakeMethod(handshake: Handshake): string {
  return handshake.kind === 'echo-query' ? 'GET' : handshake.method;
}

/** The answer, or undefined when the request is not this handshake. */
export function answerHandshake(
  handshake: Handshake,
  req: IncomingWebhook,
): WebhookResponse | undefined {
  if (req.method !== handshakeMethod(handshake)) return undefined;
  if (handshake.kind === 'plain-200') return { status: 200 };
  const challenge = req.query[handshake.param];
  if (!challenge) return undefined;
  return {
    status: 200,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
    body: challenge,
  };
}
