import { createHash } from 'node:crypto';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { stringAt } from '../shared/body';
import { missingField } from '../shared/hmac/fields';

/**
 * DocuSign Connect (JSON, SIM) messages name their event (`envelope-sent`) and carry no message
 * id; a retry resends the message with `retryCount` raised
 * (developers.docusign.com/platform/webhooks/connect/json-sim-event-reference). The
 * de-duplication key is therefore a SHA-256 of the body with `retryCount` zeroed: identical
 * messages, whatever their attempt, are stored once.
 */
export function normalizeDocusignMessage(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'event');
  if (!type) throw missingField({ path: 'event' });
  const firstAttempt = req.rawBody
    .toString('utf8')
    .replace(/"retryCount"\s*:\s*\d+/, '"retryCount":0');
  const generated = stringAt(payload, 'generatedDateTime');
  const occurredAt = generated ? new Date(generated) : undefined;
  return {
    type,
    providerDeliveryId: createHash('sha256').update(firstAttempt).digest('hex'),
    ...(occurredAt && !Number.isNaN(occurredAt.getTime()) && { occurredAt }),
  };
}
