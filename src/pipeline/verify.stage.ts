import { SignatureError } from '../errors/webhook-errors';
import type { IncomingWebhook, ReceiverContext } from '../receivers/receiver';
import type { ResolvedEndpoint } from './endpoint.registry';

/** Run the receiver's signature check; returns the index of the secret that matched. */
export async function verifyStage(
  endpoint: ResolvedEndpoint,
  req: IncomingWebhook,
  ctx: ReceiverContext<unknown>,
): Promise<number> {
  const result = await endpoint.receiver.verify(req, ctx);
  if (!result.ok) throw new SignatureError(result.message, result.reason);
  return result.secretIndex;
}
