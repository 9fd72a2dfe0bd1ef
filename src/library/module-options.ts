import type { FactoryProvider, ModuleMetadata } from '@nestjs/common';
import type { HookgateConfig } from '../config/config.schema';
import type { Clock, ReceiverRegistry } from '../config/tokens';
import type { HookgateConfigInput } from './config-input';

/** How HookgateModule fits into the app that imports it; none of this comes from the config. */
export interface HookgateModuleOptions {
  /** Replace the system clock (tests). */
  clock?: Clock;
  /**
   * The receivers to use instead of the built-in registry: add your own provider, or replace a
   * built-in one (e.g. PayPal with an injected certificate fetcher).
   */
  receivers?: ReceiverRegistry;
  /**
   * Serve `GET {path}` and `{path}/ready` (default off: a host app usually has its own). `true`
   * serves them at `/health`.
   */
  health?: boolean | { path: string };
  /**
   * Serve Prometheus text at `metrics.path` from the config, behind `metrics.token` when it is
   * set (default off).
   */
  metrics?: boolean;
  /**
   * How `/webhooks/{provider}/{endpointId}` is served. `before-express` (default): on the app's
   * HTTP server before express, installed at bootstrap, so the host's body parsers and global
   * middleware never see a delivery. `middleware`: as Nest middleware only; the host must then
   * leave request bodies unread (`bodyParser: false`).
   */
  webhookRoute?: 'before-express' | 'middleware';
}

/** `HookgateModule.forRootAsync`: the config from a factory, as other Nest modules take theirs. */
export interface HookgateModuleAsyncOptions extends HookgateModuleOptions {
  /** Modules that provide what `inject` names (e.g. `ConfigModule`). */
  imports?: ModuleMetadata['imports'];
  inject?: FactoryProvider['inject'];
  useFactory: (
    ...args: any[]
  ) => HookgateConfigInput | HookgateConfig | Promise<HookgateConfigInput | HookgateConfig>;
}
