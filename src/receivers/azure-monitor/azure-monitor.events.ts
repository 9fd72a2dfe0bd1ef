import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { hashOfFields, isoInstant } from '../shared/code/fields';
import { missingField, readPath } from '../shared/hmac/fields';

/** `schemaId` of the common alert schema (learn.microsoft.com azure-monitor/alerts/alerts-common-schema). */
export const COMMON_ALERT_SCHEMA = 'azureMonitorCommonAlertSchema';

/**
 * The alert rule's name is the type in both schemas, so that one handler pattern serves an
 * endpoint whichever schema its action group sends; the state (`Activated`/`Resolved`,
 * `Fired`/`Resolved`) stays in the payload.
 * - common alert schema: `data.essentials.alertRule`. Delivery id: SHA-256 over `alertId` (one
 *   alert instance, which fires and then resolves), `monitorCondition` and both times.
 * - classic metric alert (AspNetWebHooks AzureAlertWebHookReceiver.cs reads `context.name`):
 *   `context.name`. Delivery id: SHA-256 over the rule `context.id`, `status` and
 *   `context.timestamp`.
 * Neither schema carries a delivery id of its own.
 */
export function normalizeAzureMonitorAlert(
  _req: IncomingWebhook,
  payload: unknown,
): NormalizedEvent {
  return readPath(payload, 'schemaId') === COMMON_ALERT_SCHEMA
    ? normalizeCommonSchema(payload)
    : normalizeClassic(payload);
}

function normalizeCommonSchema(payload: unknown): NormalizedEvent {
  const type = required(payload, 'data.essentials.alertRule');
  const resolved = readPath(payload, 'data.essentials.monitorCondition') === 'Resolved';
  const occurredAt = isoInstant(
    readPath(payload, `data.essentials.${resolved ? 'resolvedDateTime' : 'firedDateTime'}`),
  );
  const providerDeliveryId = hashOfFields(payload, [
    'data.essentials.alertId',
    'data.essentials.monitorCondition',
    'data.essentials.firedDateTime',
    'data.essentials.resolvedDateTime',
  ]);
  return { type, providerDeliveryId, ...(occurredAt && { occurredAt }) };
}

function normalizeClassic(payload: unknown): NormalizedEvent {
  const type = required(payload, 'context.name');
  // Classic timestamps are ISO-8601 in Azure's samples, but web tests send `12/13/2017 20:53:57`
  // (AspNetWebHooks test Messages/AzureAlert.WebTest.json): that one is left out.
  const occurredAt = isoInstant(readPath(payload, 'context.timestamp'));
  const providerDeliveryId = hashOfFields(payload, ['context.id', 'status', 'context.timestamp']);
  return { type, providerDeliveryId, ...(occurredAt && { occurredAt }) };
}

function required(payload: unknown, path: string): string {
  const value = readPath(payload, path);
  if (!value) throw missingField({ path });
  return value;
}
