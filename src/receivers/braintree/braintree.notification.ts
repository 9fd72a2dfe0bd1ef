import { MalformedBodyError } from '../../errors/webhook-errors';
import type { NormalizedEvent } from '../receiver';
import { parseFormBody } from '../shared/body';
import { readXmlBytes, safeXmlReader } from '../shared/safe-xml';

/** A parsed `<notification>`: its `kind`, `timestamp`, `subject` and any other elements. */
export type BraintreeNotification = Readonly<Record<string, unknown>>;

/** Attributes (`type="datetime"`) only describe the text, so values are kept as strings. */
const readXml = safeXmlReader({ ignoreAttributes: true });

/** Decode bt_payload (base64 XML) into the notification element. */
export function parseBraintreeNotification(rawBody: Buffer): BraintreeNotification {
  const payload = parseFormBody(rawBody).bt_payload;
  if (!payload) throw new MalformedBodyError('the form has no bt_payload');
  const read = readXmlBytes(Buffer.from(payload, 'base64'), readXml);
  if ('problem' in read) throw new MalformedBodyError(`bt_payload is ${read.problem}`);
  const notification = (read.doc as Record<string, unknown> | null)?.notification;
  if (notification === null || typeof notification !== 'object') {
    throw new MalformedBodyError('bt_payload holds no <notification> element');
  }
  return notification as BraintreeNotification;
}

/**
 * - type: `kind` (`subscription_went_past_due`), Braintree's trigger name.
 * - occurredAt: `timestamp` (UTC).
 * - providerDeliveryId: Braintree sends none and retries the same payload hourly, so
 *   `kind:timestamp:subject id` (the id of the subject's object, when it has one) names it.
 */
export function normalizeBraintreeNotification(n: BraintreeNotification): NormalizedEvent {
  const kind = text(n.kind);
  if (!kind) throw new MalformedBodyError('the notification has no <kind>');
  const timestamp = text(n.timestamp);
  const ms = Date.parse(timestamp ?? '');
  const subjectId = subjectIdOf(n.subject);
  return {
    type: kind,
    providerDeliveryId: [kind, timestamp ?? '', ...(subjectId ? [subjectId] : [])].join(':'),
    ...(Number.isFinite(ms) && { occurredAt: new Date(ms) }),
  };
}

/** `<subject><subscription><id>…` → the id of the subject's first object. */
function subjectIdOf(subject: unknown): string | undefined {
  if (subject === null || typeof subject !== 'object') return undefined;
  const first = Object.values(subject)[0] as unknown;
  return first !== null && typeof first === 'object'
    ? text((first as Record<string, unknown>).id)
    : undefined;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;
