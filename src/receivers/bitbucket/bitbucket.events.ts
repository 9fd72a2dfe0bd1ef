import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';

/** `type` is X-Event-Key (`repo:push`, `pullrequest:created`); the id is X-Request-UUID. */
export function normalizeBitbucketEvent(req: IncomingWebhook, _payload: unknown): NormalizedEvent {
  const type = req.headers['x-event-key'];
  if (!type) throw new MalformedBodyError('the X-Event-Key header is missing');
  return { type, providerDeliveryId: req.headers['x-request-uuid'] || undefined };
}
