import { WebhookError } from '../../errors/webhook-errors';
import type { IncomingWebhook, WebhookResponse } from '../receiver';
import { parseJsonBody } from '../shared/body';
import { readPath } from '../shared/hmac/fields';

const VALIDATION_EVENT = 'Microsoft.EventGrid.SubscriptionValidationEvent';

/**
 * Event Grid's two endpoint checks (learn.microsoft.com azure/event-grid/end-point-validation):
 * - Event Grid schema: a POST of `[{eventType: SubscriptionValidationEvent, data:
 *   {validationCode}}]` with `aeg-event-type: SubscriptionValidation`, answered 200
 *   `{"validationResponse": code}`.
 * - CloudEvents schema: an OPTIONS with `WebHook-Request-Origin: <host>`, answered 200 with
 *   `WebHook-Allowed-Origin` naming that host (CloudEvents HTTP webhook spec, abuse protection).
 * Both are answered before the secret is checked, as neither reveals anything (whether Event
 * Grid sends the delivery properties with them is not documented) and never stored.
 */
export function answerEventGridHandshake(req: IncomingWebhook): WebhookResponse | undefined {
  if (req.method === 'OPTIONS') return allowOrigin(req.headers['webhook-request-origin']);
  if (req.headers['aeg-event-type']?.toLowerCase() !== 'subscriptionvalidation') return undefined;
  const events = parseJsonBody(req.rawBody);
  const first = Array.isArray(events) && events.length === 1 ? events[0] : undefined;
  const code = readPath(first, 'data.validationCode');
  if (readPath(first, 'eventType') !== VALIDATION_EVENT || !code) {
    throw new WebhookError(
      400,
      'malformed',
      `expected one ${VALIDATION_EVENT} with data.validationCode`,
    );
  }
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ validationResponse: code }),
  };
}

function allowOrigin(origin: string | undefined): WebhookResponse | undefined {
  if (origin === undefined) return undefined;
  // A host name only: it is echoed in a response header.
  if (!/^[A-Za-z0-9.-]{1,253}$/.test(origin)) {
    throw new WebhookError(400, 'malformed', 'WebHook-Request-Origin must be a host name.');
  }
  return { status: 200, headers: { 'webhook-allowed-origin': origin } };
}
