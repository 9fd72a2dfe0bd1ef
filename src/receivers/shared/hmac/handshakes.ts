import type { IncomingWebhook, WebhookResponse } from '../../receiver';
import { echo } from './echo';
import { answerFormPing, type FormPing } from './handshakes/form-ping';
import {
  answerVerificationTokenPost,
  type VerificationTokenPost,
} from './handshakes/verification-token-post';
import { answerEchoHeader, type EchoHeader } from './handshakes/echo-header';
import { answerVerifyToken, type VerifyTokenQuery } from './verify-token';

/**
 * The unsigned handshakes a descriptor can name (docs/providers.md; the catalogue grows with
 * the providers that need one):
 * - `echo-query`: `GET ?<param>=C` is answered 200 with `C` as text/plain and nosniff, since it
 *   reflects caller input (Dropbox's `?challenge=`).
 * - `plain-200`: any request of `method` is answered 200 with no body (Trello's `HEAD`).
 * - `verify-token-query`: `GET ?mode=M&token=T&challenge=C` (Meta's `hub.*`) echoes `C` like
 *   `echo-query` only when M is the expected mode and T equals the endpoint's option; else 403.
 * - `form-ping`: an unsigned form POST whose only field is a numeric id (WooCommerce's
 *   `webhook_id=N`) is answered 200 with no body (handshakes/form-ping.ts).
 * - `verification-token-post`: an unsigned JSON POST whose only field is a token to paste back
 *   in the provider's UI (Notion's `verification_token`) is answered 200 with no body; the token
 *   is never kept (handshakes/verification-token-post.ts).
 * - `echo-header`: `GET` with a header's value V answered 200 `{"<field>": V}` (Okta).
 */
export type Handshake =
  | { readonly kind: 'echo-query'; readonly param: string }
  | { readonly kind: 'plain-200'; readonly method: 'GET' | 'HEAD' }
  | VerifyTokenQuery
  | FormPing
  | VerificationTokenPost
  | EchoHeader;

/** The method the handshake arrives with, accepted besides POST. */
export function handshakeMethod(handshake: Handshake): string {
  if (handshake.kind === 'form-ping' || handshake.kind === 'verification-token-post') return 'POST';
  return handshake.kind === 'plain-200' ? handshake.method : 'GET';
}

/**
 * The answer, or undefined when the request is not this handshake. `options` are the
 * endpoint's parsed options (the `verify-token-query` token lives there). A failed check
 * throws, so the refusal is logged and counted like any other.
 */
export function answerHandshake(
  handshake: Handshake,
  req: IncomingWebhook,
  options: unknown,
): WebhookResponse | undefined {
  if (req.method !== handshakeMethod(handshake)) return undefined;
  if (handshake.kind === 'plain-200') return { status: 200 };
  if (handshake.kind === 'verify-token-query') return answerVerifyToken(handshake, req, options);
  if (handshake.kind === 'form-ping') return answerFormPing(handshake, req);
  if (handshake.kind === 'verification-token-post')
    return answerVerificationTokenPost(handshake, req);
  if (handshake.kind === 'echo-header') return answerEchoHeader(handshake, req);
  const challenge = req.query[handshake.param];
  return challenge ? echo(challenge) : undefined;
}
