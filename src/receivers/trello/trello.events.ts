import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';

/** `type` is `action.type` (`updateCard`), the delivery id `action.id`, the time `action.date`. */
export function normalizeTrelloEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'action', 'type');
  if (!type) throw new MalformedBodyError('the body has no "action.type"');
  const date = stringAt(payload, 'action', 'date');
  const occurredAt = date ? new Date(date) : undefined;
  return {
    type,
    providerDeliveryId: stringAt(payload, 'action', 'id') || undefined,
    occurredAt: occurredAt && !Number.isNaN(occurredAt.getTime()) ? occurredAt : undefined,
  };
}
