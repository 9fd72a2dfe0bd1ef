/** Public API for using Hookgate as a library inside another Nest app. */
export {
  HookgateModule,
  type HookgateModuleOptions,
  type HookgateModuleAsyncOptions,
} from './hookgate.module';
export type { HookgateConfigInput, EndpointConfigInput } from './library/config-input';
export { HookgateConfig } from './config/config.schema';
export { loadConfig, validateConfig, ConfigError } from './config/config.loader';
export { HOOKGATE_CONFIG, CLOCK, type Clock } from './config/tokens';
/** Services a handler class may inject (docs/handlers.md). */
export { DeliveryQueries } from './store/delivery.queries';
export { RunQueue } from './store/run-queue';
export { HandlerRegistry } from './dispatch/handler.registry';
export { MetricsService } from './observability/metrics.service';
export type {
  Receiver,
  IncomingWebhook,
  ReceiverContext,
  VerifyResult,
  NormalizedEvent,
  WebhookResponse,
} from './receivers/receiver';
export { RECEIVERS } from './receivers/receivers';
export { metaEvents, type MetaEvent } from './receivers/shared/meta/events';
export { serveWebhooksBeforeExpress } from './pipeline/webhook-fast-path';
export { OnWebhook, type OnWebhookOptions } from './dispatch/on-webhook.decorator';
export type { WebhookEvent, GithubEvent } from './dispatch/webhook-event';
export {
  webhookReply,
  type WebhookReply,
  type WebhookReplyOptions,
} from './dispatch/reply/webhook-reply';
export type {
  SlackReply,
  SlackMessageReply,
  SlackResponseAction,
  SlackOptionsReply,
} from './receivers/slack/slack.replies';
export type { DiscordInteractionResponse } from './receivers/discord/discord.replies';
export type { TeamsReply } from './receivers/teams-outgoing/teams-outgoing.replies';
export type { TelegramReply } from './receivers/telegram/telegram.replies';
export type { TwimlReply } from './receivers/twilio/twilio.replies';
export type { PlivoXmlReply } from './receivers/plivo/plivo.replies';
export { PermanentFailure, RetryLater } from './dispatch/failures';
