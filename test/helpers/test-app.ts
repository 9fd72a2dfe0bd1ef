import type { INestApplication, LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { StoreWriteLock } from '../../src/store/write-lock';
import type { Clock, ReceiverRegistry } from '../../src/config/tokens';
import { GATEWAY_ERROR_FILTER, GATEWAY_SURFACE } from '../../src/app.module';
import { HookgateModule } from '../../src/hookgate.module';
import type { HookgateConfigInput } from '../../src/library/config-input';
import { serveWebhooksBeforeExpress } from '../../src/pipeline/webhook-fast-path';
import { hasOwnSchema, isolatedSchemaUrl, isPostgresUrl } from './pg-database';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * The store the tests run on: in-memory SQLite unless TEST_DATABASE_URL names another (the
 * PostgreSQL pass, see jest.pg.config.js). On PostgreSQL each test app gets its own schema.
 */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'sqlite::memory:';
}

/** A valid config with the given endpoints; override any part per test. */
export function testConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    database: { url: testDatabaseUrl() },
    admin: { token: ADMIN_TOKEN },
    endpoints: [{ provider: 'github', id: 'acme', secrets: ['github-test-secret'] }],
    ...overrides,
  };
}

export interface TestApp {
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  close: () => Promise<void>;
}

/**
 * The real Hookgate module in a Nest app made the way the gateway makes it (body parser off,
 * so the raw bytes reach the edge untouched; the webhook route served before express; health,
 * metrics and the error filter app-wide).
 */
export async function createTestApp(
  config: Record<string, unknown> = testConfig(),
  options: {
    clock?: Clock;
    receivers?: ReceiverRegistry;
    imports?: any[];
    providers?: any[];
    /** Runs after the app is created and before it is initialised (routes outside Nest). */
    beforeInit?: (app: NestExpressApplication) => void;
    /**
     * How the webhook route is served: before express, as the gateway serves it (default), or
     * as the module's middleware alone, as in an app that imports the module and no more.
     */
    webhookRoute?: 'before-express' | 'middleware';
    /** Providers of the module to replace (Nest's overrideProvider), e.g. the dashboard's files. */
    overrides?: { provide: unknown; useValue: unknown }[];
  } = {},
): Promise<TestApp> {
  config = await isolateStore(config);
  const webhookRoute = options.webhookRoute ?? 'before-express';
  let builder = Test.createTestingModule({
    imports: [
      // Tests also pass configs the schema refuses: validation is what some of them check.
      HookgateModule.forRoot(config as HookgateConfigInput, {
        ...GATEWAY_SURFACE,
        clock: options.clock,
        receivers: options.receivers,
        webhookRoute,
      }),
      ...(options.imports ?? []),
    ],
    providers: [GATEWAY_ERROR_FILTER, ...(options.providers ?? [])],
  });
  for (const { provide, useValue } of options.overrides ?? []) {
    builder = builder.overrideProvider(provide).useValue(useValue);
  }
  const moduleRef = await builder.compile();
  const levels: LogLevel[] = process.env.TEST_LOGS ? ['log', 'warn', 'error', 'fatal'] : ['fatal'];
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: levels,
  });
  if (webhookRoute === 'before-express') {
    serveWebhooksBeforeExpress(app);
  }
  options.beforeInit?.(app);
  await app.init();
  return {
    app,
    http: () => request(app.getHttpServer()),
    close: () => app.close(),
  };
}

/**
 * Every app starts on an empty store: in-memory SQLite is, a PostgreSQL database needs a schema.
 * A URL that already names one (isolatedSchemaUrl) is kept: apps given it share that store.
 */
async function isolateStore(config: Record<string, unknown>): Promise<Record<string, unknown>> {
  const database = config.database as { url?: string } | undefined;
  if (!database?.url || !isPostgresUrl(database.url) || hasOwnSchema(database.url)) return config;
  return { ...config, database: { ...database, url: await isolatedSchemaUrl(database.url) } };
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(private current: Date = new Date('2026-11-27T12:00:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  set(date: Date): void {
    this.current = date;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

/**
 * POST exact bytes. (supertest JSON-encodes a Buffer when the content type is JSON, which
 * would change the signed bytes; the identity serializer sends them as they are.)
 */
export function postRaw(
  t: TestApp,
  url: string,
  headers: Record<string, string>,
  body: Buffer | string,
): ReturnType<ReturnType<typeof request>['post']> {
  return t
    .http()
    .post(url)
    .set(headers)
    .serialize((data: unknown) => data as string)
    .send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
}

/** Poll `check` until it returns a truthy value (or throw after `timeoutMs`). */
export async function waitFor<T>(
  check: () => Promise<T> | T,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Bring a destroyed store back, as an outage ending would. Under the store's write lock: on
 * SQLite, initialize() runs the migrations check, and a worker transaction started meanwhile on
 * the same connection would interleave with it.
 */
export async function reopenStore(app: INestApplication, dataSource: DataSource): Promise<void> {
  await app.get(StoreWriteLock).runExclusive(() => dataSource.initialize());
}
