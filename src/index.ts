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
export { PermanentFailure, RetryLater } from './dispatch/failures';
