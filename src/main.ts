import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { setupAdminDocs } from './admin/admin-docs';
import { AppModule } from './app.module';
import { loadConfig, type LoadedConfig } from './config/config.loader';
import { boundHeapGrowth } from './heap-tuning';
import { serveWebhooksBeforeExpress } from './pipeline/webhook-fast-path';
import { listen } from './startup/listen';
import { exitOnStartupFailure, startupLogger } from './startup/startup-log';

/** Create the gateway app (not listening). The raw body must stay unread for verification. */
export async function createGateway(loaded: LoadedConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(loaded), {
    bodyParser: false,
    // Lines logged while the app is made wait for its logger. When making it fails, they are
    // dropped with Nest's own report of the error: the start-up failure is one line of ours.
    bufferLogs: true,
    autoFlushLogs: false,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();
  setupAdminDocs(app, loaded.config);
  app.enableShutdownHooks();
  app.set('x-powered-by', false);
  if (loaded.config.http.trustProxy) app.set('trust proxy', true);
  serveWebhooksBeforeExpress(app);
  return app;
}

/** Slow or idle clients must not hold connections (and memory) forever. */
export function applyServerTimeouts(app: NestExpressApplication, loaded: LoadedConfig): void {
  const server = app.getHttpServer() as Server;
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = loaded.config.http;
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = requestTimeoutMs;
  server.keepAliveTimeout = keepAliveTimeoutMs;
  // Node checks those timeouts on a sweep (every 30 s by default): sweep often enough to honour them.
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.min(1000, headersTimeoutMs, requestTimeoutMs);
}

/**
 * What `npm start` and `hookgate start` run: load the config, create the gateway, listen. A
 * reason it cannot start is one line in the log's format and a documented exit code
 * (startup/startup-failure.ts).
 */
export async function bootstrap(): Promise<void> {
  boundHeapGrowth();
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig();
  } catch (error) {
    exitOnStartupFailure(error, startupLogger(process.env));
  }
  const startup = startupLogger(process.env, loaded.config.logging);
  if (loaded.isDemo) {
    startup.warn('='.repeat(78));
    startup.warn(`DEVELOPMENT CONFIG (${loaded.source}) with PUBLIC DEMO SECRETS.`);
    startup.warn('Anyone can forge deliveries. Set HOOKGATE_CONFIG before exposing this gateway.');
    startup.warn('='.repeat(78));
  }
  const { port } = loaded.config;
  try {
    const app = await createGateway(loaded);
    applyServerTimeouts(app, loaded); // before listen: Node arms its timeout sweep when listening
    await app.init();
    await listen(app.getHttpServer() as Server, port);
  } catch (error) {
    exitOnStartupFailure(error, startup, port);
  }
  new Logger('Hookgate').log(
    `Listening on port ${port} (config: ${loaded.source}, role: ${loaded.config.role})`,
  );
}

if (require.main === module) {
  void bootstrap();
}
