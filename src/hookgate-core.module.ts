import { DynamicModule, Global, Module } from '@nestjs/common';
import type { HookgateConfig } from './config/config.schema';
import { ConfigWarnings } from './config/config-warnings';
import { EndpointRegistry } from './pipeline/endpoint.registry';
import {
  CLOCK,
  Clock,
  HOOKGATE_CONFIG,
  RECEIVER_REGISTRY,
  ReceiverRegistry,
} from './config/tokens';

/**
 * Makes the validated config, the clock, the receivers and the endpoints injectable everywhere,
 * and logs the config's warnings at start-up.
 */
@Global()
@Module({})
export class HookgateCoreModule {
  static forRoot(config: HookgateConfig, clock: Clock, receivers: ReceiverRegistry): DynamicModule {
    return {
      module: HookgateCoreModule,
      providers: [
        { provide: HOOKGATE_CONFIG, useValue: config },
        { provide: CLOCK, useValue: clock },
        { provide: RECEIVER_REGISTRY, useValue: receivers },
        EndpointRegistry,
        ConfigWarnings,
      ],
      exports: [HOOKGATE_CONFIG, CLOCK, RECEIVER_REGISTRY, EndpointRegistry],
    };
  }
}
