import { DynamicModule, Module } from '@nestjs/common';
import type { LoadedConfig } from './config/config.loader';
import { GATEWAY_HANDLERS } from './handlers';
import { HookgateModule, HookgateModuleOptions } from './hookgate.module';

/** The self-hosted gateway: Hookgate plus the gateway's own handler classes. */
@Module({})
export class AppModule {
  static forRoot(loaded: LoadedConfig, options: HookgateModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [HookgateModule.forRoot(loaded.config, options)],
      providers: [...GATEWAY_HANDLERS],
    };
  }
}
