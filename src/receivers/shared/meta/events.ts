import { MalformedBodyError } from '../../../errors/webhook-errors';
import { isRecord, metaEnvelopes } from './envelope';

/** One item of a Meta batch, with the envelope and entry it came in. */
export interface MetaEvent {
  /** The envelope's `object`: `page`, `instagram`, `whatsapp_business_account`, … */
  readonly object: string;
  /** The entry's `id`: the Page, Instagram account or WhatsApp Business Account. */
  readonly entryId: string;
  /** The entry's `time` as sent (seconds or milliseconds, by product); WhatsApp sends none. */
  readonly time?: number;
  /**
   * `changes[].field`; a messaging event's key (`message`, `postback`, `read`, …); `standby`
   * for a `standby[]` item, a messaging event while another app owns the thread (its own key:
   * `messagingKind(item)`).
   */
  readonly kind: string;
  /** The array the item came from. */
  readonly source: 'changes' | 'messaging' | 'standby';
  /** The item as sent: a change `{ field, value }` or a messaging event. */
  readonly item: Record<string, unknown>;
}

/**
 * The messaging event keys Meta documents (Messenger and Instagram messaging webhook events,
 * https://developers.facebook.com/docs/messenger-platform/webhooks), tried in this order so an
 * event that carries a `message` and a `referral` is a `message`. A key not listed here still
 * names the kind: the first key besides sender, recipient and timestamp.
 */
export const MESSAGING_EVENT_KEYS = [
  'message',
  'message_edit',
  'postback',
  'reaction',
  'read',
  'delivery',
  'optin',
  'referral',
  'account_linking',
  'policy-enforcement',
  'pass_thread_control',
  'take_thread_control',
  'request_thread_control',
  'app_roles',
  'messaging_feedback',
  'game_play',
] as const;

const ENVELOPE_KEYS = new Set(['sender', 'recipient', 'timestamp']);

/**
 * Every item of every entry of a Meta body, flattened, in the order sent. Throws
 * MalformedBodyError when the body is not a Meta envelope, an entry has no id, a change has
 * no field, a messaging event names no event, or no entry holds any item.
 */
export function metaEvents(payload: unknown): MetaEvent[] {
  const events: MetaEvent[] = [];
  for (const { object, entry } of metaEnvelopes(payload)) {
    for (const e of entry) {
      const base = { object, entryId: String(e.id), ...(isTime(e.time) && { time: e.time }) };
      for (const change of e.changes ?? []) {
        events.push({ ...base, kind: change.field, source: 'changes', item: change });
      }
      for (const item of e.messaging ?? []) {
        events.push({ ...base, kind: messagingKind(item), source: 'messaging', item });
      }
      for (const item of e.standby ?? []) {
        events.push({ ...base, kind: 'standby', source: 'standby', item });
      }
    }
  }
  if (events.length === 0) {
    throw new MalformedBodyError('no entry holds changes, messaging or standby items');
  }
  return events;
}

/** The event a messaging item carries: a documented key, else the first other one. */
export function messagingKind(item: Record<string, unknown>): string {
  const known = MESSAGING_EVENT_KEYS.find((key) => isRecord(item[key]));
  const kind = known ?? Object.keys(item).find((key) => !ENVELOPE_KEYS.has(key));
  if (!kind) throw new MalformedBodyError('a messaging item names no event');
  return kind;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}
