/** The type of a delivery that carries several events (Pusher, Mandrill, Salesforce, GoCardless, Meta). */
export const MIXED_TYPE = 'mixed';

/**
 * One delivery, one type: the events' common type, or `mixed` when they differ, so a handler
 * pattern on a single type never sees an event of another type. Undefined for no events.
 */
export function commonType(types: readonly string[]): string | undefined {
  if (types.length === 0) return undefined;
  return types.every((type) => type === types[0]) ? types[0] : MIXED_TYPE;
}
