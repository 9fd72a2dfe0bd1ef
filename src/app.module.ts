import { DynamicModule, Module, type Provider } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { LoadedConfig } from './config/config.loader';
import { HttpErrorFilter } from './errors/http-error.filter';
import { EXAMPLE_HANDLERS } from './handlers';
import { withConfiguredHandlers } from './handler-loading/configured-handlers';
import { HookgateModule, HookgateModuleOptions } from './hookgate.module';
import { loggingParams } from './observability/logging';
import { RECEIVERS } from './receivers/receivers';

export interface GatewayOptions extends HookgateModuleOptions {
  /** Where log lines go (tests capture them); default stdout. */
  logDestination?: DestinationStream;
}

/** The gateway owns its whole app: health and metrics are served (a host app opts in). */
export const GATEWAY_SURFACE = { health: true, metrics: true } as const;

/** The gateway's error answers on every route, unknown ones included (a host app keeps its own). */
export const GATEWAY_ERROR_FILTER: Provider = { provide: APP_FILTER, useClass: HttpErrorFilter };

/**
 * The self-hosted gateway: Hookgate, structured logging, and the handler classes of the modules
 * the config's `handlers` lists (the example handlers instead, when `exampleHandlers` is on and
 * `handlers` is unset: the development config).
 */
@Module({})
export class AppModule {
  static forRoot(loaded: LoadedConfig, options: GatewayOptions = {}): DynamicModule {
    const production = process.env.NODE_ENV === 'production';
    const gateway = withConfiguredHandlers(loaded, options.receivers ?? RECEIVERS, {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(
          loggingParams(
            loaded.config,
            options.receivers ?? RECEIVERS,
            production,
            options.logDestination,
          ),
        ),
        HookgateModule.forRoot(loaded.config, { ...GATEWAY_SURFACE, ...options }),
      ],
      providers: loaded.config.exampleHandlers ? [...EXAMPLE_HANDLERS] : [],
    });
    return { ...gateway, providers: [GATEWAY_ERROR_FILTER, ...(gateway.providers ?? [])] };
  }
}
