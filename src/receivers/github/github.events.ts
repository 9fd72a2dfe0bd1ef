import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/**
 * `type` is the X-GitHub-Event name, refined by the body's `action` when it has one
 * (`pull_request` + `opened` → `pull_request.opened`); the delivery id is X-GitHub-Delivery,
 * which stays the same when a delivery is redelivered.
 */
export function normalizeGithubEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const event = req.headers['x-github-event'];
  if (!event) throw new MalformedBodyError('the X-GitHub-Event header is missing');
  const action = stringAt(payload, 'action');
  return {
    type: action ? `${event}.${action}` : event,
    providerDeliveryId: req.headers['x-github-delivery'] || undefined,
  };
}
