import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { LoadedConfig } from './config/config.loader';
import { GATEWAY_HANDLERS } from './handlers';
import { withConfiguredHandlers } from './handler-loading/configured-handlers';
import { HookgateModule, HookgateModuleOptions } from './hookgate.module';
import { loggingParams } from './observability/logging';
import { RECEIVERS } from './receivers/receivers';

export interface GatewayOptions extends HookgateModuleOptions {
  /** Where log lines go (tests capture them); default stdout. */
  logDestination?: DestinationStream;
}

/**
 * The self-hosted gateway: Hookgate, structured logging, and the example handler classes, or
 * instead those of the modules the config's `handlers` lists.
 */
@Module({})
export class AppModule {
  static forRoot(loaded: LoadedConfig, options: GatewayOptions = {}): DynamicModule {
    const production = process.env.NODE_ENV === 'production';
    return withConfiguredHandlers(loaded, options.receivers ?? RECEIVERS, {
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
        HookgateModule.forRoot(loaded.config, options),
      ],
      providers: [...GATEWAY_HANDLERS],
    });
  }
}
