import { createHash } from 'node:crypto';
import { isRecord } from './envelope';
import { messagingKind, type MetaEvent } from './events';

/**
 * Meta sends no delivery id, and its retries re-send the batch ("we will retry", Messenger FAQ,
 * https://developers.facebook.com/docs/messenger-platform/faq). The id is therefore derived
 * from what the batch says, not from its bytes: a SHA-256 (hex) over the sorted list of each
 * item's identity, so a redelivery with other key order, whitespace or escapes is the same
 * delivery, and a batch with any other event is another.
 *
 * An item's identity is its object, entry id and kind, plus:
 * - a messaging event: its timestamp, sender, recipient and event key, and the message's `mid`
 *   for `message` / `postback` (an attachment URL in it may differ between attempts), else the
 *   event's content;
 * - a WhatsApp change: the ids of its `messages[]`, and each `statuses[]` id with its status and
 *   timestamp (one message goes through sent, delivered, read);
 * - any other change: its `value` and the entry's `time`.
 * The entry's `time` is left out where the item has its own id and time: Instagram documents it
 * as "the time Meta sent the notification", which a retry may restamp.
 */
export function metaDeliveryId(events: readonly MetaEvent[]): string {
  const identities = events.map((event) => canonicalJson(identityOf(event))).sort();
  return createHash('sha256')
    .update(`[${identities.join(',')}]`)
    .digest('hex');
}

function identityOf(event: MetaEvent): unknown[] {
  const { object, entryId, kind, source, item } = event;
  const head = [object, entryId, kind];
  if (source !== 'changes') return [...head, ...messagingIdentity(item)];
  const whatsapp = whatsappIds(item.value);
  if (whatsapp.length > 0) return [...head, ...whatsapp];
  return [...head, event.time ?? null, item.value ?? null];
}

function messagingIdentity(item: Record<string, unknown>): unknown[] {
  const key = messagingKind(item);
  const body = item[key];
  const mid = isRecord(body) && typeof body.mid === 'string' ? body.mid : undefined;
  const ref = (key === 'message' || key === 'postback') && mid ? mid : (body ?? null);
  return [item.timestamp ?? null, partyId(item.sender), partyId(item.recipient), key, ref];
}

/** `sender.id`, or `sender.user_ref` (a chat plugin guest); null when neither. */
function partyId(party: unknown): unknown {
  return isRecord(party) ? (party.id ?? party.user_ref ?? null) : null;
}

function whatsappIds(value: unknown): string[] {
  if (!isRecord(value)) return [];
  const list = (name: string) => (Array.isArray(value[name]) ? value[name] : []).filter(isRecord);
  const messages = list('messages').map((m) => `message:${String(m.id)}`);
  const statuses = list('statuses').map(
    (s) => `status:${String(s.id)}:${String(s.status)}:${String(s.timestamp)}`,
  );
  return [...messages, ...statuses];
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
