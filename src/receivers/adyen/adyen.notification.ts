/**
 * Adyen's standard notification (docs.adyen.com/development-resources/webhooks/webhook-types):
 * `{ live, notificationItems: [{ NotificationRequestItem: {...} }] }`. JSON webhooks carry one
 * item; the batch shape is honoured anyway, as the SOAP form sends up to six.
 */
export type NotificationRequestItem = Readonly<Record<string, unknown>>;

/** The items, or why the body holds none that could have been signed. */
export function readNotificationItems(
  payload: unknown,
): { readonly items: readonly NotificationRequestItem[] } | { readonly problem: string } {
  const list = isObject(payload) ? payload.notificationItems : undefined;
  if (!Array.isArray(list) || list.length === 0) {
    return { problem: 'The body has no notificationItems array with at least one item' };
  }
  const items: NotificationRequestItem[] = [];
  for (const [index, entry] of list.entries()) {
    const item = isObject(entry) ? entry.NotificationRequestItem : undefined;
    if (!isObject(item)) {
      return { problem: `notificationItems[${index}] has no NotificationRequestItem object` };
    }
    items.push(item);
  }
  return { items };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A scalar field as text, missing (or not a scalar) as '' — as Adyen's HMAC data string has it. */
export function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : '';
}
