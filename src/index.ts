/** Public API for using Hookgate as a library inside another Nest app. */
export {
  HookgateModule,
  type HookgateModuleOptions,
  type HookgateModuleAsyncOptions,
} from './hookgate.module';
export type { HookgateConfigInput, EndpointConfigInput } from './library/config-input';
export { HookgateConfig } from './config/config.schema';
export { loadConfig, validateConfig, ConfigError } from './config/config.loader';
export type { Clock } from './config/tokens';
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
export { PermanentFailure, RetryLater } from './dispatch/failures';
