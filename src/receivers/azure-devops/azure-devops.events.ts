import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { isoInstant } from '../shared/code/fields';
import { missingField, readPath } from '../shared/hmac/fields';

/**
 * An Azure DevOps service hook event (learn.microsoft.com azure/devops/service-hooks/events):
 * - type: `eventType` (`git.push`, `workitem.updated`); a body without one is refused 400, as
 *   AspNetWebHooks VstsWebHookReceiver.cs does.
 * - delivery id: `id`, the event's id. A retry resends the same notification; `notificationId`
 *   is a per-subscription counter that the older documented samples do not carry.
 * - occurredAt: `createdDate`.
 */
export function normalizeAzureDevOpsEvent(
  _req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  const type = readPath(payload, 'eventType');
  if (!type) throw missingField({ path: 'eventType' });
  const providerDeliveryId = readPath(payload, 'id');
  const occurredAt = isoInstant(readPath(payload, 'createdDate'));
  return {
    type,
    ...(providerDeliveryId && { providerDeliveryId }),
    ...(occurredAt && { occurredAt }),
  };
}
