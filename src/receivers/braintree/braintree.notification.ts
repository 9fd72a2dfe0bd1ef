import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { NormalizedEvent } from '../receiver';
import { parseFormBody } from '../shared/body';
import { readXmlBytes, safeXmlReader } from '../shared/safe-xml';

/** A parsed `<notification>`: its `kind`, `timestamp`, `subject` and any other elements. */
export type BraintreeNotification = Readonly<Record<string, unknown>>;

/** Attributes (`type="datetime"`) only describe the text, so values are kept as strings. */
const readXml = safeXmlReader({ ignoreAttributes: true });

/** The XML that bt_payload carries (base64), the bytes Braintree signed. */
export function braintreePayloadXml(rawBody: Buffer): Buffer {
  const payload = parseFormBody(rawBody).bt_payload;
  if (!payload) throw new MalformedBodyError('the form has no bt_payload');
  return Buffer.from(payload, 'base64');
}

/** Decode bt_payload (base64 XML) into the notification element. */
export function parseBraintreeNotification(rawBody: Buffer): BraintreeNotification {
  const read = readXmlBytes(braintreePayloadXml(rawBody), readXml);
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
 *   `kind:timestamp:subject id` (the id of the subject's object) names it. Many subjects have
 *   no id (`local-payment` has `payment-id`, a PayPal account a `token`): then the SHA-256 of
 *   the signed XML takes its place, so that two such notifications of one kind in the same
 *   second are not taken for one.
 */
export function normalizeBraintreeNotification(
  n: BraintreeNotification,
  signedXml: Buffer,
): NormalizedEvent {
  const kind = text(n.kind);
  if (!kind) throw new MalformedBodyError('the notification has no <kind>');
  const timestamp = text(n.timestamp);
  const ms = Date.parse(timestamp ?? '');
  const subjectId = subjectIdOf(n.subject) ?? createHash('sha256').update(signedXml).digest('hex');
  return {
    type: kind,
    providerDeliveryId: [kind, timestamp ?? '', subjectId].join(':'),
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
