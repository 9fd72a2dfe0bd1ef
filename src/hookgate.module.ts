import {
  DynamicModule,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { json } from 'express';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AdminSecurityModule } from './admin/admin-security.module';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { DeliveriesController } from './admin/deliveries.controller';
import { EndpointsController } from './admin/endpoints.controller';
import { EventsController } from './admin/events.controller';
import { ProvidersController } from './admin/providers.controller';
import { ReplayController } from './admin/replay.controller';
import { DispatchModule } from './dispatch/dispatch.module';
import { validateConfig } from './config/config.loader';
import { HookgateConfig } from './config/config.schema';
import { HOOKGATE_CONFIG, systemClock, type Clock, type ReceiverRegistry } from './config/tokens';
import { HttpErrorFilter } from './errors/http-error.filter';
import { HookgateCoreModule } from './hookgate-core.module';
import { HealthController } from './observability/health.controller';
import { HttpListenerShutdown } from './observability/http-listener.shutdown';
import { MetricsMiddleware } from './observability/metrics.middleware';
import { ObservabilityModule } from './observability/observability.module';
import { ReadinessIndicators } from './observability/readiness.indicators';
import { RetentionService } from './retention/retention.service';
import { PipelineService } from './pipeline/pipeline.service';
import { RECEIVERS } from './receivers/receivers';
import { WebhookEdge } from './pipeline/webhook-edge';
import { StoreModule } from './store/store.module';

export interface HookgateModuleOptions {
  /** Replace the system clock (tests). */
  clock?: Clock;
  /**
   * The receivers to use instead of the built-in registry: add your own provider, or replace a
   * built-in one (e.g. PayPal with an injected certificate fetcher).
   */
  receivers?: ReceiverRegistry;
}

/**
 * Hookgate as a Nest module: the webhook edge, the store, the admin API and health. Import it
 * with `HookgateModule.forRoot(config)` in any Nest app; the gateway's AppModule does the same.
 * The app must leave the raw body available: `{ bodyParser: false }` or `{ rawBody: true }`.
 */
@Module({})
export class HookgateModule implements NestModule {
  /** The admin write API takes small JSON bodies; the webhook edge reads raw bytes itself. */
  constructor(@Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig) {}

  configure(consumer: MiddlewareConsumer): void {
    // The webhook route (middleware: see WebhookEdge). A worker process answers 404 there.
    if (this.config.role !== 'worker') {
      consumer
        .apply(WebhookEdge)
        .forRoutes({ path: 'webhooks/:provider/:endpointId', method: RequestMethod.ALL });
    }
    consumer.apply(json({ limit: '64kb' })).forRoutes(ReplayController);
    consumer
      .apply(MetricsMiddleware)
      .forRoutes({ path: this.config.metrics.path, method: RequestMethod.GET });
  }

  static forRoot(
    config: HookgateConfig | Record<string, unknown>,
    options: HookgateModuleOptions = {},
  ): DynamicModule {
    const receivers = options.receivers ?? RECEIVERS;
    const validated = config instanceof HookgateConfig ? config : validateConfig(config, receivers);
    return {
      module: HookgateModule,
      imports: [
        HookgateCoreModule.forRoot(validated, options.clock ?? systemClock, receivers),
        StoreModule.forRoot(validated.database),
        DispatchModule,
        ObservabilityModule,
        AdminSecurityModule,
        TerminusModule,
        ScheduleModule.forRoot(),
      ],
      // A worker process answers only health and metrics: webhooks and /admin are 404 there.
      controllers:
        validated.role === 'worker'
          ? [HealthController]
          : [
              DeliveriesController,
              ReplayController,
              ProvidersController,
              EndpointsController,
              EventsController,
              HealthController,
            ],
      providers: [
        PipelineService,
        WebhookEdge,
        AdminTokenGuard,
        HttpListenerShutdown,
        ReadinessIndicators,
        RetentionService,
        MetricsMiddleware,
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
      exports: [StoreModule, DispatchModule, ObservabilityModule],
    };
  }
}
