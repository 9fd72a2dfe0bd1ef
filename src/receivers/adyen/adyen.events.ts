import { MalformedBodyError } from '../../errors/webhook-errors';
import type { NormalizedEvent } from '../receiver';
import { commonType } from '../shared/batch';
import { batchDigest } from '../shared/digests';
import {
  fieldText,
  readNotificationItems,
  type NotificationRequestItem,
} from './adyen.notification';

/**
 * - type: `eventCode` as Adyen writes it (`AUTHORISATION`, `REFUND`): upper-case with
 *   underscores, kept as sent so that it matches Adyen's documentation; a batch of several
 *   codes is `mixed`.
 * - providerDeliveryId: `pspReference:eventCode:success`. Adyen sends no delivery id; a
 *   retry resends the same item, and the same payment and event code can come again with
 *   another outcome (`success`), which is a new fact, not a duplicate. A batch: SHA-256 over
 *   its items' ids, sorted.
 * - occurredAt: `eventDate` (ISO 8601), the earliest of a batch.
 */
export function normalizeAdyenNotification(payload: unknown): NormalizedEvent {
  const read = readNotificationItems(payload);
  if ('problem' in read) throw new MalformedBodyError(read.problem);
  const { items } = read;
  const codes = items.map((item) => fieldText(item.eventCode));
  const missing = codes.findIndex((code) => code === '');
  if (missing >= 0) throw new MalformedBodyError(`notificationItems[${missing}] has no eventCode`);
  const ids = items.map(itemId);
  const providerDeliveryId = batchDigest(ids);
  const times = items
    .map((item) => Date.parse(fieldText(item.eventDate)))
    .filter((ms) => Number.isFinite(ms));
  return {
    type: commonType(codes)!,
    providerDeliveryId,
    ...(times.length > 0 && { occurredAt: new Date(Math.min(...times)) }),
  };
}

function itemId(item: NotificationRequestItem): string {
  return [item.pspReference, item.eventCode, item.success].map(fieldText).join(':');
}
