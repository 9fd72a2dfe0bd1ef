import { Injectable } from '@nestjs/common';
import { OnWebhook } from '../dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../dispatch/webhook-event';
import type { DiscordInteractionResponse } from '../receivers/discord/discord.replies';

/** The part of an application command interaction this example reads. */
interface CommandInteraction {
  data?: { name?: string };
}

/** Discord's flag for a message only the invoking user sees. */
const EPHEMERAL = 64;

/**
 * Example reply handler: answers a Discord slash command with a message only its user sees.
 * Without an answer in time, Discord gets the deferral the gateway always sends ("thinking…"),
 * and a retry of the run could edit it through the interaction token.
 */
@Injectable()
export class DiscordCommandReply {
  @OnWebhook('discord', 'interaction.application_command', { reply: true })
  onCommand(event: WebhookEvent<CommandInteraction>): DiscordInteractionResponse | undefined {
    if (!event.replying) return undefined;
    const name = event.payload?.data?.name ?? 'command';
    return { type: 4, data: { content: `Hookgate stored /${name}.`, flags: EPHEMERAL } };
  }
}
