import { Module, type DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { HookgateConfig } from '../config/config.schema';
import type { HookgateConfigInput } from './config-input';
import type { HookgateModuleAsyncOptions } from './module-options';

const ASYNC_CONFIG = Symbol('HOOKGATE_ASYNC_CONFIG');

/** Holds the factory's providers while it runs; nothing else. */
@Module({})
class AsyncConfigHost {}

/**
 * Run the caller's factory with its injected dependencies, before the host's modules are
 * created. Hookgate needs the config to build its module (which store engine, which routes), so
 * the factory runs in a small context of its own `imports`, closed once the config is read.
 */
export async function resolveAsyncConfig(
  options: HookgateModuleAsyncOptions,
): Promise<HookgateConfigInput | HookgateConfig> {
  const host: DynamicModule = {
    module: AsyncConfigHost,
    imports: options.imports ?? [],
    providers: [
      { provide: ASYNC_CONFIG, useFactory: options.useFactory, inject: options.inject ?? [] },
    ],
  };
  // Logger options are global in Nest: setting any here would change the host's logging.
  const context = await NestFactory.createApplicationContext(host, { abortOnError: false });
  try {
    return await context.get<Promise<HookgateConfigInput | HookgateConfig>>(ASYNC_CONFIG);
  } finally {
    await context.close();
  }
}
