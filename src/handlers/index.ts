import { DiscordCommandReply } from './discord-interaction.handler';
import { GithubPushLogger } from './github-push.logger';
import { SlackSlashCommandReply } from './slack-slash-command.handler';
import { StripePaymentHandler } from './stripe-payment.handler';

/** The gateway's own handler classes. Add yours here (any injectable with @OnWebhook methods). */
export const GATEWAY_HANDLERS = [
  GithubPushLogger,
  StripePaymentHandler,
  SlackSlashCommandReply,
  DiscordCommandReply,
];
