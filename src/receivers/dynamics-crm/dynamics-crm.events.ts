import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { missingField, readPath } from '../shared/hmac/fields';

const EMPTY_GUID = '00000000-0000-0000-0000-000000000000';

/**
 * A Dataverse `RemoteExecutionContext` (learn.microsoft.com power-apps/developer/data-platform/
 * use-webhooks): the SDK message that ran on a table.
 * - type: `<PrimaryEntityName>.<MessageName>` (`contact.Update`), object then action as for
 *   GitHub's `pull_request.opened`, so `contact.*` matches a table's events; just
 *   `<MessageName>` when the message has no table (`PrimaryEntityName` absent or `none`).
 *   AspNetWebHooks DynamicsCrmWebHookReceiver.cs uses `MessageName` alone.
 * - delivery id: `OperationId` (the system job of an asynchronous step), else `RequestId`; the
 *   documented sample has `"RequestId": null`, and an empty GUID counts as none.
 * - no occurredAt: `OperationCreatedOn` is a WCF date (`/Date(1506409448000-0700)/`) that, in
 *   Microsoft's sample, falls 7 hours after the record's `modifiedon` (`/Date(1506384247000)/`):
 *   whether its number is UTC or shifted by the offset is not documented.
 */
export function normalizeDynamicsContext(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const message = readPath(payload, 'MessageName');
  if (!message) throw missingField({ path: 'MessageName' });
  const entity = readPath(payload, 'PrimaryEntityName');
  const type = entity && entity !== 'none' ? `${entity}.${message}` : message;
  const providerDeliveryId = guid(payload, 'OperationId') ?? guid(payload, 'RequestId');
  return { type, ...(providerDeliveryId && { providerDeliveryId }) };
}

function guid(payload: unknown, path: string): string | undefined {
  const value = readPath(payload, path);
  return value && value !== EMPTY_GUID ? value : undefined;
}
