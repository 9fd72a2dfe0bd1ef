import { HandshakeRefusedError, WebhookError } from '../../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../../receiver';
import { matchAnySecret } from '../timing-safe';
import { echo } from './echo';

/**
 * A subscription check by query: the provider names a mode, the token the user typed in its
 * dashboard, and a challenge to echo (Meta: `hub.mode=subscribe&hub.verify_token=T&
 * hub.challenge=C`, https://developers.facebook.com/docs/graph-api/webhooks/getting-started).
 */
export interface VerifyTokenQuery {
  readonly kind: 'verify-token-query';
  /** The query parameters' names. */
  readonly params: { readonly mode: string; readonly token: string; readonly challenge: string };
  /** The mode a subscription names, e.g. `subscribe`. */
  readonly mode: string;
  /** The endpoint option holding the expected token, e.g. `verifyToken`; required. */
  readonly option: string;
  /** What that option is, for the start-up error, e.g. "the Verify Token you typed in …". */
  readonly optionHint: string;
}

/**
 * Undefined when the request names none of the parameters (a stray GET: the pipeline answers
 * 405). Otherwise 200 with the challenge, or a 403 that says what did not match without echoing
 * the token sent; a verified request without a challenge is 400.
 */
export function answerVerifyToken(
  handshake: VerifyTokenQuery,
  req: IncomingWebhook,
  options: unknown,
): WebhookResponse | undefined {
  const { params } = handshake;
  const mode = req.query[params.mode];
  const token = req.query[params.token];
  const challenge = req.query[params.challenge];
  if (mode === undefined && token === undefined && challenge === undefined) return undefined;

  if (mode !== handshake.mode) {
    throw new HandshakeRefusedError(`${params.mode} must be "${handshake.mode}".`);
  }
  const expected = (options as Record<string, unknown> | undefined)?.[handshake.option];
  const matches =
    typeof expected === 'string' &&
    expected !== '' &&
    !!token &&
    matchAnySecret([expected], [token], (secret) => secret) === 0;
  if (!matches) {
    throw new HandshakeRefusedError(
      `${params.token} ${token ? 'does not match' : 'is missing; expected'} options.${handshake.option} (${handshake.optionHint}).`,
    );
  }
  if (!challenge) {
    throw new WebhookError(400, 'malformed', `${params.challenge} is missing: nothing to echo.`);
  }
  return echo(challenge);
}
