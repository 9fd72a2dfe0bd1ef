import { createHash } from 'node:crypto';
import { ReplayedError, StoreUnavailableError } from '../errors/webhook-errors';
import type { IncomingWebhook, ReceiverContext } from '../receivers/receiver';
import type { ReplayTokens } from '../store/replay-tokens';
import type { ResolvedEndpoint } from './endpoint.registry';

/**
 * Providers whose signature covers a single-use token but not the body (Mailgun signs only
 * `timestamp + token`: https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/securing-webhooks)
 * declare `replayToken`. Its token is claimed in the store with the body's SHA-256, after verify
 * and parse: a token seen before with another body is refused, since anyone who captured one
 * signed request could otherwise attach any payload to it within the window. The same bytes
 * again are an honest retry and go on to the store, which de-duplicates them as usual.
 */
export async function replayTokenStage(
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  payload: unknown,
  ctx: ReceiverContext<unknown>,
  tokens: ReplayTokens,
): Promise<void> {
  const replay = endpoint.receiver.replayToken?.(req, payload, ctx);
  if (!replay) return;
  const digest = createHash('sha256').update(req.rawBody).digest('hex');
  let claim: Awaited<ReturnType<ReplayTokens['claim']>>;
  try {
    claim = await tokens.claim(
      endpoint.provider,
      endpoint.id,
      replay.token,
      digest,
      replay.expiresAt,
      ctx.now,
    );
  } catch {
    // Without the store the replay cannot be ruled out: 503, so the provider retries.
    throw new StoreUnavailableError('The replay token could not be checked; retry later.');
  }
  if (claim === 'other') {
    throw new ReplayedError(
      `This signature's token was already used on endpoint "${endpoint.id}" with another body: ` +
        'a replayed signature, refused. The provider signs each request with a fresh token; if ' +
        'this was a genuine request, check that nothing between it and the gateway rewrites the body.',
    );
  }
}
