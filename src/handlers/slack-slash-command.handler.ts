import { Injectable } from '@nestjs/common';
import { OnWebhook } from '../dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../dispatch/webhook-event';
import type { SlackReply } from '../receivers/slack/slack.replies';

/** The fields of a slash command's form this example reads (api.slack.com/interactivity/slash-commands). */
interface SlashCommand {
  command?: string;
  text?: string;
  user_id?: string;
}

/**
 * Example reply handler: answers a Slack slash command with a message only its user sees. The
 * command is stored before this runs; when the answer cannot be given in time, Slack gets an
 * empty 200 and the run is retried as an ordinary run, where `event.replying` is false and a
 * real bot would post through the command's `response_url` instead.
 */
@Injectable()
export class SlackSlashCommandReply {
  @OnWebhook('slack', 'slash_command', { reply: true })
  onCommand(event: WebhookEvent<SlashCommand>): SlackReply | undefined {
    if (!event.replying) return undefined;
    const { command = 'the command', text = '' } = event.payload ?? {};
    return {
      response_type: 'ephemeral',
      text: `Hookgate stored ${command} ${text}`.trim() + ` (delivery ${event.id}).`,
    };
  }
}
