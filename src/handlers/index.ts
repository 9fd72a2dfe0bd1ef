import { DiscordCommandReply } from './discord-interaction.handler';
import { GithubPushLogger } from './github-push.logger';
import { SlackSlashCommandReply } from './slack-slash-command.handler';
import { StripePaymentHandler } from './stripe-payment.handler';

/**
 * The example handler classes. The ready gateway registers them only with the development
 * config or `exampleHandlers: true`, never by default: a production gateway runs the handlers
 * of its config's `handlers` (docs/handlers.md#handlers-from-the-config). Add examples here.
 */
export const EXAMPLE_HANDLERS = [
  GithubPushLogger,
  StripePaymentHandler,
  SlackSlashCommandReply,
  DiscordCommandReply,
];
