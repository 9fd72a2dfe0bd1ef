import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/**
 * `type` is Jira's `webhookEvent` (`jira:issue_created`). Confluence's payload field for the event
 * was not confirmed (docs/providers.md#jira--confluence), so a body without `webhookEvent` falls
 * back to `event`. The delivery id is X-Atlassian-Webhook-Identifier, the same on every retry;
 * `timestamp` (ms) is when the event happened.
 */
export function normalizeJiraEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'webhookEvent') || stringAt(payload, 'event');
  if (!type) throw new MalformedBodyError('the body has no "webhookEvent"');
  const providerDeliveryId = req.headers['x-atlassian-webhook-identifier'] || undefined;
  const occurredAt = millisecondsDate((payload as Record<string, unknown>).timestamp);
  return {
    type,
    ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    ...(occurredAt !== undefined && { occurredAt }),
  };
}

function millisecondsDate(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
