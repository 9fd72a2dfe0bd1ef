import type { ResolvedEndpoint } from './endpoint.registry';
import type { IncomingWebhook, ReceiverContext, WebhookResponse } from '../receivers/receiver';

/** Unsigned handshakes (URL checks by GET/HEAD, Slack ssl_check): answered before verify. */
export function handshakeBeforeVerify(
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  ctx: ReceiverContext<unknown>,
): WebhookResponse | undefined {
  return endpoint.receiver.handshakeBeforeVerify?.(req, ctx);
}

/**
 * Signed handshakes (Slack url_verification, Zoom endpoint.url_validation): answered after
 * verify with the secret that matched, never stored.
 */
export function handshakeAfterVerify(
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  payload: unknown,
  secret: string | undefined,
): WebhookResponse | undefined {
  return endpoint.receiver.handshakeAfterVerify?.(req, payload, secret);
}
