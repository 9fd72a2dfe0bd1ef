import type { DynamicModule, OnModuleInit, Provider } from '@nestjs/common';
import { dirname, resolve } from 'node:path';
import { ConfigError, type LoadedConfig } from '../config/config.loader';
import type { ReceiverRegistry } from '../config/tokens';
import { checkHandlerMetadata } from '../dispatch/handler-checks';
import { ON_WEBHOOK, type OnWebhookMetadata } from '../dispatch/on-webhook.decorator';
import { findReceiver } from '../receivers/receivers';
import { resolveHandlerFiles } from './handler-files';
import { loadHandlerModule, webhookMethods, type LoadedHandlerClass } from './handler-module';
import { handlerProviders } from './handler-providers';
import { injectableTokens } from './injectable-tokens';

type Imports = Parameters<typeof injectableTokens>[0];

/** Stops start-up when a loaded handler class's constructor threw (recorded by its factory). */
export class ConfiguredHandlersCheck implements OnModuleInit {
  constructor(private readonly failures: string[]) {}

  onModuleInit(): void {
    if (this.failures.length > 0) throw new ConfigError(this.failures[0]);
  }
}

/** `gateway` as is when the config has no `handlers`; else with their providers instead. */
export function withConfiguredHandlers(
  loaded: LoadedConfig,
  receivers: ReceiverRegistry,
  gateway: DynamicModule,
): DynamicModule {
  const { handlers } = loaded.config;
  if (handlers === undefined) return gateway;
  return {
    ...gateway,
    providers: configuredHandlers(loaded, handlers, gateway.imports ?? [], receivers),
  };
}

/**
 * The Nest providers for the config's `handlers`: loads every listed module, checks each
 * handler class against the receivers and endpoints in use and each constructor against what
 * `imports` make injectable. Any problem is a ConfigError naming the file and class.
 */
export function configuredHandlers(
  loaded: LoadedConfig,
  patterns: readonly string[],
  imports: Imports,
  receivers: ReceiverRegistry,
): Provider[] {
  if (patterns.length === 0) return []; // forwarding only, no handler code
  const files = resolveHandlerFiles(patterns, configFolder(loaded));
  const handlers = files.flatMap(loadHandlerModule);
  if (handlers.length === 0) {
    throw new ConfigError(
      `The config is invalid: "handlers" matched ${files.join(', ')}, but none exports a class with @OnWebhook methods.`,
    );
  }
  handlers.forEach((handler) => checkMethods(handler, loaded, receivers));
  const failures: string[] = [];
  return [
    ...handlerProviders(handlers, injectableTokens(imports), failures),
    { provide: ConfiguredHandlersCheck, useValue: new ConfiguredHandlersCheck(failures) },
  ];
}

/** Relative entries are relative to the config file; without a file, to the working folder. */
function configFolder(loaded: LoadedConfig): string {
  return loaded.source === 'development defaults' ? process.cwd() : dirname(resolve(loaded.source));
}

function checkMethods(
  { type, file }: LoadedHandlerClass,
  loaded: LoadedConfig,
  receivers: ReceiverRegistry,
): void {
  const endpointExists = (receiverName: string, id: string) =>
    loaded.config.endpoints.some(
      (endpoint) =>
        endpoint.id === id && findReceiver(endpoint.provider, receivers)?.name === receiverName,
    );
  for (const [method, fn] of webhookMethods(type)) {
    for (const meta of Reflect.getMetadata(ON_WEBHOOK, fn) as OnWebhookMetadata[]) {
      const checked = checkHandlerMetadata(meta, receivers, endpointExists);
      if ('problem' in checked) {
        throw new ConfigError(
          `Handler ${type.name}.${method} in ${file}: ${checked.problem}. Fix its @OnWebhook, or the config's endpoints.`,
        );
      }
    }
  }
}
