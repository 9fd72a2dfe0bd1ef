import type { IncomingWebhook, NormalizedEvent, WebhookResponse } from '../receiver';
import { classifyDiscord, INTERACTION_PING } from './discord.payload';

/**
 * The PINGs, answered after verification and never stored: an interaction PING with PONG
 * (`{"type":1}`), a webhook-event PING with an empty 204
 * (https://discord.com/developers/docs/events/webhook-events#preparing-for-events).
 */
export function answerDiscordPing(
  _req: IncomingWebhook,
  payload: unknown,
): WebhookResponse | undefined {
  const discord = classifyDiscord(payload as Record<string, unknown>);
  if (discord.kind === 'event-ping') return { status: 204 };
  if (discord.kind === 'interaction' && discord.type === INTERACTION_PING) {
    return { status: 200, body: { type: 1 } };
  }
  return undefined;
}

/**
 * Interaction callback types (docs/interactions/receiving-and-responding#interaction-response-
 * object-interaction-callback-type). An interaction no reply handler answered in time is
 * deferred, which keeps its token valid for 15 minutes of follow-ups: a component click with
 * DEFERRED_UPDATE_MESSAGE (6, no loading state), an autocomplete (which cannot be deferred) with
 * no choices, anything else with DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE (5).
 */
const DEFERRALS: Readonly<Record<string, object>> = {
  'interaction.message_component': { type: 6 },
  'interaction.application_command_autocomplete': { type: 8, data: { choices: [] } },
};
const DEFERRED_MESSAGE = { type: 5 };

/**
 * A stored interaction gets its deferral as JSON, a webhook event the empty 204 Discord asks
 * for; the gateway's id and duplicate flag travel in headers, as for Slack.
 */
export function acknowledgeDiscord(
  result: { id: string; duplicate: boolean },
  event?: NormalizedEvent,
): WebhookResponse {
  const headers = {
    'x-hookgate-delivery-id': result.id,
    'x-hookgate-duplicate': String(result.duplicate),
  };
  if (!event?.type.startsWith('interaction.')) return { status: 204, headers };
  return { status: 200, headers, body: DEFERRALS[event.type] ?? DEFERRED_MESSAGE };
}
