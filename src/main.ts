import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { setupAdminDocs } from './admin/admin-docs';
import { AppModule } from './app.module';
import { ConfigError, loadConfig, type LoadedConfig } from './config/config.loader';
import { InvalidHandlerError } from './dispatch/webhook.explorer';
import { boundHeapGrowth } from './heap-tuning';
import { serveWebhooksBeforeExpress } from './pipeline/webhook-fast-path';

/** Create the gateway app (not listening). The raw body must stay unread for verification. */
export async function createGateway(loaded: LoadedConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(loaded), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(PinoLogger));
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

/** What `npm start` and `hookgate start` run: load the config, create the gateway, listen. */
export async function bootstrap(): Promise<void> {
  boundHeapGrowth();
  const logger = new Logger('Hookgate');
  let loaded: LoadedConfig;
  try {
    loaded = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    logger.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  if (loaded.isDemo) {
    logger.warn('='.repeat(78));
    logger.warn(`DEVELOPMENT CONFIG (${loaded.source}) with PUBLIC DEMO SECRETS.`);
    logger.warn('Anyone can forge deliveries. Set HOOKGATE_CONFIG before exposing this gateway.');
    logger.warn('='.repeat(78));
  }
  let app: NestExpressApplication;
  try {
    app = await createGateway(loaded);
    applyServerTimeouts(app, loaded); // before listen: Node arms its timeout sweep when listening
    await app.listen(loaded.config.port);
  } catch (error) {
    // A bad handler module or class is a config mistake too: one line, exit 78.
    if (!(error instanceof ConfigError || error instanceof InvalidHandlerError)) throw error;
    logger.error(error.message);
    process.exit(78); // EX_CONFIG
  }
  logger.log(
    `Listening on port ${loaded.config.port} (config: ${loaded.source}, role: ${loaded.config.role})`,
  );
}

if (require.main === module) {
  void bootstrap();
}
