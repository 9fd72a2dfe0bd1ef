import { createHash } from 'node:crypto';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { parseFormBody, parseJsonBody } from '../shared/body';
import { commonType } from '../shared/batch';

export const MANDRILL_FORM_TYPE = 'application/x-www-form-urlencoded';

/** The stored payload: the form, with `mandrill_events` decoded into its list of events. */
export interface MandrillPayload {
  readonly mandrill_events: readonly unknown[];
  readonly [field: string]: unknown;
}

/**
 * A Mandrill webhook is a form whose one field, `mandrill_events`, is a JSON array of up to
 * 1000 events (https://mandrill.zendesk.com/hc/en-us/articles/360038740594-Webhook-Format).
 */
export function parseMandrillBody(req: IncomingWebhook): MandrillPayload {
  const form = parseFormBody(req.rawBody);
  const text = form.mandrill_events;
  if (text === undefined) throw new MalformedBodyError('the form has no "mandrill_events" field');
  const events = parseJsonBody(Buffer.from(text, 'utf8'));
  if (!Array.isArray(events)) throw new MalformedBodyError('"mandrill_events" is not a JSON array');
  return { ...form, mandrill_events: events };
}

/**
 * - type: each event's `event` (`send`, `open`, `hard_bounce`, `inbound`, ...); sync events
 *   have none and are `<type>.<action>` (`blacklist.add`); a batch of several types is `mixed`;
 * - providerDeliveryId: SHA-256 of the `mandrill_events` text. Mandrill sends no delivery id,
 *   and an event's `_id` is its message's, shared by that message's send, open and click, so
 *   it cannot key a batch; Mandrill retries a failed batch as a whole;
 * - occurredAt: the earliest event `ts`.
 */
export function normalizeMandrillEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const events = (payload as MandrillPayload).mandrill_events;
  if (events.length === 0) throw new MalformedBodyError('"mandrill_events" is empty');
  const type = commonType(events.map(eventType))!;
  const text = parseFormBody(req.rawBody).mandrill_events ?? '';
  const providerDeliveryId = createHash('sha256').update(text, 'utf8').digest('hex');
  const times = events
    .map((event) => (event as { ts?: unknown }).ts)
    .filter((ts): ts is number => typeof ts === 'number' && Number.isSafeInteger(ts) && ts > 0);
  return {
    type,
    providerDeliveryId,
    ...(times.length > 0 && { occurredAt: new Date(Math.min(...times) * 1000) }),
  };
}

function eventType(event: unknown, index: number): string {
  const fields = (event ?? {}) as Record<string, unknown>;
  if (typeof fields.event === 'string' && fields.event !== '') return fields.event;
  // Sync (allowlist/denylist) events: https://mandrill.zendesk.com/hc/en-us/articles/360039233253
  if (
    typeof fields.type === 'string' &&
    fields.type &&
    typeof fields.action === 'string' &&
    fields.action
  ) {
    return `${fields.type}.${fields.action}`;
  }
  throw new MalformedBodyError(
    `mandrill_events[${index}] has no "event" (nor "type" and "action")`,
  );
}
