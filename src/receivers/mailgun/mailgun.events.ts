import { WebhookError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent, ReceiverContext, ReplayToken } from '../receiver';
import { parseJsonObject, stringAt } from '../shared/body';
import { parseUnixSeconds } from '../shared/timestamp-window';
import type { MailgunOptions } from './mailgun.options';
import type { MailgunSignature } from './mailgun.signature';

/** With the timestamp window off, a token is still remembered this long. */
const TOKEN_MEMORY_WITHOUT_WINDOW_MS = 24 * 3_600_000;

/**
 * 406 is the one answer after which Mailgun does not retry
 * (https://documentation.mailgun.com/docs/mailgun/user-manual/webhooks/webhook-retries). It is
 * given only for a body whose signature verified but which is not a Mailgun event: the same
 * bytes would fail again on each of the retries over 8 hours. Signature failures stay 401, so
 * Mailgun keeps retrying while the operator fixes the key.
 */
export class MailgunNotAcceptableError extends WebhookError {
  constructor(detail: string) {
    super(406, 'malformed', `The body is not a Mailgun event: ${detail}; not retried.`);
  }
}

/** The stored payload: Mailgun's JSON as sent, `signature` and `event-data`. */
export interface MailgunPayload {
  readonly signature: Record<string, unknown>;
  readonly 'event-data': Record<string, unknown>;
}

/**
 * The `signature` object of a body, read before verification (it is inside the body). A body
 * that is not JSON, or has none, yields an empty one, which verification refuses.
 */
export function readMailgunSignature(raw: Buffer): MailgunSignature {
  let body: Record<string, unknown>;
  try {
    body = parseJsonObject(raw);
  } catch {
    return {};
  }
  return {
    timestamp: stringAt(body, 'signature', 'timestamp'),
    token: stringAt(body, 'signature', 'token'),
    signature: stringAt(body, 'signature', 'signature'),
    parentSignature: stringAt(body, 'signature', 'parent-signature'),
  };
}

/** `{"signature": {...}, "event-data": {...}}`, the JSON of Mailgun's event webhooks. */
export function parseMailgunBody(req: IncomingWebhook): MailgunPayload {
  const body = parseJsonObject(req.rawBody);
  if (!isObject(body['event-data'])) throw new MailgunNotAcceptableError('no "event-data" object');
  return body as unknown as MailgunPayload;
}

/**
 * - type: `event-data.event` (`delivered`, `opened`, ...); a `failed` event with a `severity`
 *   is `failed.permanent` or `failed.temporary`, the two webhooks Mailgun lets one subscribe to
 *   apart (https://documentation.mailgun.com/docs/mailgun/user-manual/events/event-types);
 * - providerDeliveryId: `event-data.id`, the event's own id;
 * - occurredAt: `event-data.timestamp`, seconds with a fraction.
 */
export function normalizeMailgunEvent(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const data = (payload as MailgunPayload)['event-data'];
  const event = stringAt(data, 'event');
  if (!event) throw new MailgunNotAcceptableError('"event-data" has no "event"');
  const severity = stringAt(data, 'severity');
  const type = event === 'failed' && severity ? `failed.${severity}` : event;
  const id = stringAt(data, 'id');
  const seconds = data.timestamp;
  const occurredAt =
    typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0
      ? new Date(Math.round(seconds * 1000))
      : undefined;
  return {
    type,
    ...(id && { providerDeliveryId: id }),
    ...(occurredAt && { occurredAt }),
  };
}

/**
 * `signature.token` is single-use: Mailgun's own advice is to refuse a token seen before,
 * since the body is not signed. It is remembered until the signature leaves the window.
 */
export function mailgunReplayToken(
  _req: IncomingWebhook,
  payload: unknown,
  ctx: ReceiverContext<MailgunOptions>,
): ReplayToken | undefined {
  const signature = (payload as MailgunPayload).signature;
  const token = stringAt(signature, 'token');
  const timestamp = parseUnixSeconds(stringAt(signature, 'timestamp'));
  if (!token || !Number.isFinite(timestamp)) return undefined;
  const tolerance = ctx.options.toleranceSeconds;
  const expiresAt =
    tolerance > 0
      ? new Date((timestamp + tolerance) * 1000)
      : new Date(ctx.now.getTime() + TOKEN_MEMORY_WITHOUT_WINDOW_MS);
  return { token, expiresAt };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
