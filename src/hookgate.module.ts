import {
  DynamicModule,
  Inject,
  MiddlewareConsumer,
  Module,
  NestModule,
  RequestMethod,
} from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { TerminusModule } from '@nestjs/terminus';
import { AdminSecurityModule } from './admin/admin-security.module';
import { AdminTokenGuard } from './admin/admin-token.guard';
import { DeliveriesController } from './admin/deliveries.controller';
import { EndpointOverview } from './admin/endpoint-overview';
import { EndpointsController } from './admin/endpoints.controller';
import { EventsController } from './admin/events.controller';
import { FailuresController } from './admin/failures.controller';
import { ProvidersController } from './admin/providers.controller';
import { ReplayController } from './admin/replay.controller';
import { StatsController } from './admin/stats.controller';
import { DashboardAssets } from './admin/ui/dashboard-assets';
import { DashboardController } from './admin/ui/dashboard.controller';
import { DispatchModule } from './dispatch/dispatch.module';
import { validateConfig } from './config/config.loader';
import { HookgateConfig } from './config/config.schema';
import { HOOKGATE_CONFIG, systemClock } from './config/tokens';
import { HookgateCoreModule } from './hookgate-core.module';
import { AdminJsonBody } from './library/admin-json-body';
import type { HookgateConfigInput } from './library/config-input';
import { healthControllers } from './library/health-route';
import { HostIntegration, SERVE_BEFORE_EXPRESS } from './library/host-integration';
import type { HookgateModuleAsyncOptions, HookgateModuleOptions } from './library/module-options';
import { resolveAsyncConfig } from './library/resolve-async-config';
import { HttpListenerShutdown } from './observability/http-listener.shutdown';
import { MetricsMiddleware } from './observability/metrics.middleware';
import { ObservabilityModule } from './observability/observability.module';
import { ReadinessIndicators } from './observability/readiness.indicators';
import { RetentionService } from './retention/retention.service';
import { PipelineService } from './pipeline/pipeline.service';
import { RECEIVERS } from './receivers/receivers';
import { WebhookEdge } from './pipeline/webhook-edge';
import { StoreModule } from './store/store.module';

export type { HookgateModuleAsyncOptions, HookgateModuleOptions };

/** Metrics are served when the options ask (HookgateModule's constructor reads it). */
const SERVE_METRICS = Symbol('HOOKGATE_SERVE_METRICS');

/**
 * Hookgate as a Nest module: the webhook edge, the store, the admin API, and health and metrics
 * when asked. Import it with `HookgateModule.forRoot(config)` or `forRootAsync(...)` in any Nest
 * app (docs/library.md); the gateway's AppModule does the same. It reads deliveries' raw bytes
 * itself, so the host keeps its body parsers, and adds no global filter, guard or interceptor.
 */
@Module({})
export class HookgateModule implements NestModule {
  constructor(
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(SERVE_METRICS) private readonly serveMetrics: boolean,
  ) {}

  configure(consumer: MiddlewareConsumer): void {
    // The webhook route (middleware: see WebhookEdge). A worker process answers 404 there.
    if (this.config.role !== 'worker') {
      consumer
        .apply(WebhookEdge)
        .forRoutes({ path: 'webhooks/:provider/:endpointId', method: RequestMethod.ALL });
    }
    // The admin write API takes small JSON bodies; the webhook edge reads raw bytes itself.
    consumer.apply(AdminJsonBody).forRoutes(ReplayController);
    if (this.serveMetrics) {
      consumer
        .apply(MetricsMiddleware)
        .forRoutes({ path: this.config.metrics.path, method: RequestMethod.GET });
    }
  }

  /** The config as the config file has it (`HookgateConfigInput`), or an already validated one. */
  static forRoot(
    config: HookgateConfigInput | HookgateConfig,
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
          ? healthControllers(options.health)
          : [
              DeliveriesController,
              ReplayController,
              ProvidersController,
              EndpointsController,
              EventsController,
              FailuresController,
              StatsController,
              DashboardController,
              ...healthControllers(options.health),
            ],
      providers: [
        PipelineService,
        WebhookEdge,
        AdminTokenGuard,
        EndpointOverview,
        HttpListenerShutdown,
        ReadinessIndicators,
        RetentionService,
        MetricsMiddleware,
        AdminJsonBody,
        { provide: DashboardAssets, useFactory: () => DashboardAssets.ofThisPackage() },
        HostIntegration,
        { provide: SERVE_METRICS, useValue: options.metrics ?? false },
        {
          provide: SERVE_BEFORE_EXPRESS,
          useValue: (options.webhookRoute ?? 'before-express') === 'before-express',
        },
      ],
      exports: [StoreModule, DispatchModule, ObservabilityModule],
    };
  }

  /**
   * The config from a factory with injected dependencies (e.g. `ConfigService`), the Nest
   * convention. The factory runs once, while the app is created, in a context of `imports`.
   */
  static async forRootAsync(options: HookgateModuleAsyncOptions): Promise<DynamicModule> {
    const config = await resolveAsyncConfig(options);
    return HookgateModule.forRoot(config, options);
  }
}
