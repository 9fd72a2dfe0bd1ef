import { DynamicModule, Global, Module } from '@nestjs/common';
import type { HookgateConfig } from './config/config.schema';
import { CLOCK, Clock, HOOKGATE_CONFIG, systemClock } from './config/tokens';

/** Makes the validated config and the clock injectable everywhere in Hookgate. */
@Global()
@Module({})
export class HookgateCoreModule {
  static forRoot(config: HookgateConfig, clock: Clock = systemClock): DynamicModule {
    return {
      module: HookgateCoreModule,
      providers: [
        { provide: HOOKGATE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
      ],
      exports: [HOOKGATE_CONFIG, CLOCK],
    };
  }
}
