import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { parseFormBody, parseJsonObject, stringAt } from '../shared/body';

export const SLACK_FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Three shapes arrive on one URL: Events API JSON, slash-command forms, and interactivity forms
 * whose single `payload` field holds URL-encoded JSON. Called only after verification.
 */
export function parseSlackBody(req: IncomingWebhook): unknown {
  if (req.contentType !== SLACK_FORM_TYPE) return parseJsonObject(req.rawBody);
  const form = parseFormBody(req.rawBody);
  if (form.payload === undefined) return form;
  return parseJsonObject(Buffer.from(form.payload, 'utf8'));
}

/**
 * Events API: `event.type`, de-duplicated on `event_id` (the same on Slack's retries).
 * Interactivity: `payload.type` with `trigger_id`. Slash commands: `slash_command` with
 * `trigger_id`. Other envelopes (`app_rate_limited`) keep their own `type`.
 */
export function normalizeSlackEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  if (req.contentType === SLACK_FORM_TYPE) {
    const triggerId = stringAt(payload, 'trigger_id') || undefined;
    if (stringAt(payload, 'command') !== undefined)
      return { type: 'slash_command', providerDeliveryId: triggerId };
    const type = stringAt(payload, 'type');
    if (!type)
      throw new MalformedBodyError(
        'the form is neither a slash command nor an interactivity payload with a "type"',
      );
    return { type, providerDeliveryId: triggerId };
  }

  const envelope = stringAt(payload, 'type');
  if (!envelope) throw new MalformedBodyError('the Events API envelope has no "type"');
  const providerDeliveryId = stringAt(payload, 'event_id') || undefined;
  if (envelope !== 'event_callback') return { type: envelope, providerDeliveryId };
  const type = stringAt(payload, 'event', 'type');
  if (!type) throw new MalformedBodyError('the event_callback has no "event.type"');
  return {
    type,
    providerDeliveryId,
    occurredAt: unixSecondsToDate((payload as { event_time?: unknown }).event_time),
  };
}

/** `event_time` is unix seconds; anything else (or a date out of range) is left out. */
function unixSecondsToDate(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
