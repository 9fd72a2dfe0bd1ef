import type { INestApplication, LogLevel, Provider, Type } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { HookgateModule, type HookgateModuleOptions } from '../hookgate.module';
import { serveWebhooksBeforeExpress } from '../pipeline/webhook-fast-path';
import { DeliveryQueries } from '../store/delivery.queries';
import type { DeliveryRecord, RunRecord } from '../store/model';
import { awaitRunsSettled } from './settled-runs';
import { signWebhook, type SignWebhookInput } from './sign-webhook';
import type { EndpointConfigInput, HookgateConfigInput } from '../library/config-input';

/** One endpoint as in the config's `endpoints` list. */
/** One endpoint, as in `HookgateModule.forRoot`'s config (provider and id required). */
export type TestingEndpoint = EndpointConfigInput;

export interface HookgateTestingAppOptions {
  readonly endpoints: readonly TestingEndpoint[];
  /** Your `@OnWebhook` handler classes (and anything else the testing module provides). */
  readonly handlers?: readonly Type<unknown>[];
  /** More providers for the testing module: your handlers' dependencies or their fakes. */
  readonly providers?: readonly Provider[];
  /** More modules to import beside Hookgate's. */
  readonly imports?: readonly any[];
  /** Any other config keys (dispatch, retention…); the store is always in-memory SQLite. */
  readonly config?: Omit<HookgateConfigInput, 'endpoints' | 'database'>;
  /** Module options (clock, receivers), as for `HookgateModule.forRoot`. */
  readonly moduleOptions?: HookgateModuleOptions;
  /** Give up waiting for handler runs after this long. Default 10 000 ms. */
  readonly runTimeoutMs?: number;
}

export type TestingSendInput = Omit<SignWebhookInput, 'secret'> & {
  /** Sign with this secret (or private key) instead of the endpoint's first one. */
  readonly secret?: string;
};

/** A delivery the gateway stored, with its handler runs once every one has finished. */
export interface SentDelivery {
  /** The gateway's answer (200 and the `{ id, duplicate }` body, or the provider's own). */
  readonly status: number;
  readonly delivery: DeliveryRecord;
  readonly runs: readonly RunRecord[];
}

export interface HookgateTestingApp {
  readonly app: INestApplication;
  /** The gateway's base URL on 127.0.0.1. */
  readonly url: string;
  /**
   * Sign a delivery with the endpoint's secret, POST it through the real edge, and resolve
   * when its handler runs have finished (succeeded, failed or dead). Rejects when the gateway
   * refuses it, with the status and message.
   */
  send(provider: string, endpointId: string, input?: TestingSendInput): Promise<SentDelivery>;
  close(): Promise<void>;
}

/**
 * Boot `HookgateModule` on an in-memory SQLite store in a Nest testing module, with your
 * handlers, listening on 127.0.0.1; for your own tests of your handlers.
 */
export async function createHookgateTestingApp(
  options: HookgateTestingAppOptions,
): Promise<HookgateTestingApp> {
  const config: HookgateConfigInput = {
    ...options.config,
    database: { url: 'sqlite::memory:' },
    endpoints: [...options.endpoints],
  };
  const { Test } = await loadNestTesting();
  const moduleRef = await Test.createTestingModule({
    imports: [HookgateModule.forRoot(config, options.moduleOptions), ...(options.imports ?? [])],
    providers: [...(options.handlers ?? []), ...(options.providers ?? [])],
  }).compile();
  const levels: LogLevel[] = process.env.HOOKGATE_TEST_LOGS ? ['log', 'warn', 'error'] : ['fatal'];
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: levels });
  serveWebhooksBeforeExpress(app as never);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const queries = app.get(DeliveryQueries);
  const timeoutMs = options.runTimeoutMs ?? 10_000;

  async function send(
    provider: string,
    endpointId: string,
    input: TestingSendInput = {},
  ): Promise<SentDelivery> {
    const endpoint = options.endpoints.find((e) => e.id === endpointId && e.provider === provider);
    if (!endpoint) throw new Error(`No endpoint ${provider}/${endpointId} in this testing app.`);
    const path = `/webhooks/${provider}/${endpointId}`;
    const signed = signWebhook(provider, {
      ...input,
      secret: input.secret ?? endpoint.secrets?.[0] ?? '',
      url: input.url ?? endpoint.publicUrl ?? `${url}${path}`,
      options: input.options ?? endpoint.options,
    });
    const query = new URLSearchParams(signed.query).toString();
    const res = await fetch(`${url}${path}${query ? `?${query}` : ''}`, {
      method: 'POST',
      headers: signed.headers,
      body: signed.body,
    });
    const text = await res.text();
    if (res.status < 200 || res.status > 299) {
      throw new Error(`The gateway refused the delivery: ${res.status} ${text}`);
    }
    const id = res.headers.get('x-hookgate-delivery-id') ?? (JSON.parse(text) as { id: string }).id;
    const { delivery, runs } = await awaitRunsSettled(queries, id, timeoutMs);
    return { status: res.status, delivery, runs };
  }

  return { app, url, send, close: () => app.close() };
}

/**
 * `@nestjs/testing` is an optional peer dependency: only this helper needs it, so signWebhook
 * (and the CLI's `send`) work without it.
 */
async function loadNestTesting(): Promise<typeof import('@nestjs/testing')> {
  try {
    return await import('@nestjs/testing');
  } catch {
    throw new Error(
      'createHookgateTestingApp needs @nestjs/testing: npm install --save-dev @nestjs/testing',
    );
  }
}
