import { MalformedBodyError } from '../../errors/webhook-errors';

/**
 * Discord signs two products the same way on one kind of URL, and their bodies tell them apart
 * (https://discord.com/developers/docs/events/webhook-events#payload-structure,
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-object):
 * a webhook event has `type` 0 (PING) or 1 with an `event` object; an interaction has an `id`,
 * a `token` and an interaction `type` (1 PING, 2 command, 3 component, 4 autocomplete, 5 modal).
 */
export type DiscordPayload =
  | { readonly kind: 'event-ping' }
  | { readonly kind: 'event'; readonly type: string; readonly timestamp?: string }
  | { readonly kind: 'interaction'; readonly id: string; readonly type: number };

export const INTERACTION_PING = 1;

/** The interaction types by name, as the type of a stored interaction: `interaction.<name>`. */
export const INTERACTION_NAMES: Readonly<Record<number, string>> = {
  1: 'ping',
  2: 'application_command',
  3: 'message_component',
  4: 'application_command_autocomplete',
  5: 'modal_submit',
};

export function classifyDiscord(payload: Record<string, unknown>): DiscordPayload {
  if (payload.type === 0) return { kind: 'event-ping' };
  const event = payload.event;
  if (event !== null && typeof event === 'object' && !Array.isArray(event)) {
    const { type, timestamp } = event as Record<string, unknown>;
    if (typeof type !== 'string' || type === '') {
      throw new MalformedBodyError('the webhook event has no "event.type"');
    }
    return { kind: 'event', type, ...(typeof timestamp === 'string' && { timestamp }) };
  }
  const { id, type } = payload;
  if (typeof id !== 'string' || id === '' || !Number.isInteger(type)) {
    throw new MalformedBodyError(
      'neither an interaction (no "id" and integer "type") nor a webhook event (no "event")',
    );
  }
  return { kind: 'interaction', id, type: type as number };
}
