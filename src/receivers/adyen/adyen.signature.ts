import type { VerifyResult } from '../receiver';
import { hmac } from '../shared/hmac';
import { refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';
import { fieldText, isObject, type NotificationRequestItem } from './adyen.notification';

/**
 * The fields Adyen signs, in order, joined with `:` (missing ones as empty strings):
 * @adyen/api-library `src/utils/hmacValidator.ts` `getDataToSign`, and
 * docs.adyen.com/development-resources/webhooks/verify-hmac-signatures.
 */
export function adyenSignedString(item: NotificationRequestItem): string {
  const amount = isObject(item.amount) ? item.amount : {};
  return [
    item.pspReference,
    item.originalReference,
    item.merchantAccountCode,
    item.merchantReference,
    amount.value,
    amount.currency,
    item.eventCode,
    item.success,
  ]
    .map(fieldText)
    .join(':');
}

/** base64 HMAC-SHA256 of the signed string under the hex-decoded key. */
export function signAdyenItem(hexKey: string, item: NotificationRequestItem): string {
  return hmac('sha256', Buffer.from(hexKey, 'hex'), adyenSignedString(item)).toString('base64');
}

/**
 * Every item must carry `additionalData.hmacSignature` matching one of the configured HMAC
 * keys: one bad item refuses the whole request, since its items are stored together.
 * `secrets` holds '' in place of entries that are not HMAC keys, so indexes stay the
 * endpoint's own.
 */
export function verifyAdyenItems(
  items: readonly NotificationRequestItem[],
  hmacKeys: readonly string[],
): VerifyResult {
  let firstIndex = -1;
  for (const [position, item] of items.entries()) {
    const additional = isObject(item.additionalData) ? item.additionalData : {};
    const sent = additional.hmacSignature;
    const where = items.length > 1 ? `notificationItems[${position}]` : 'The notification item';
    if (typeof sent !== 'string' || sent === '') {
      return refuse(
        `${where} has no additionalData.hmacSignature: turn on HMAC signing for this webhook in the Customer Area.`,
      );
    }
    const index = matchAnySecret(hmacKeys, [sent], (key) =>
      key === '' ? '' : signAdyenItem(key, item),
    );
    if (index < 0) {
      return refuse(
        `${where}'s hmacSignature does not match its fields under any configured HMAC key (check the key copied from the Customer Area, or that the item was not changed).`,
      );
    }
    if (firstIndex < 0) firstIndex = index;
  }
  return { ok: true, secretIndex: firstIndex };
}
