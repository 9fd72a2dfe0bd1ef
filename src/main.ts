import 'reflect-metadata';
import type { Server } from 'node:http';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { ConfigError, loadConfig, type LoadedConfig } from './config/config.loader';

/** Create the gateway app (not listening). The raw body must stay unread for verification. */
export async function createGateway(loaded: LoadedConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(loaded), {
    bodyParser: false,
    bufferLogs: false,
  });
  app.enableShutdownHooks();
  app.set('x-powered-by', false);
  if (loaded.config.http.trustProxy) app.set('trust proxy', true);
  return app;
}

/** Slow or idle clients must not hold connections (and memory) forever. */
export function applyServerTimeouts(app: NestExpressApplication, loaded: LoadedConfig): void {
  const server = app.getHttpServer() as Server;
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs } = loaded.config.http;
  server.headersTimeout = headersTimeoutMs;
  server.requestTimeout = requestTimeoutMs;
  server.keepAliveTimeout = keepAliveTimeoutMs;
}

async function bootstrap(): Promise<void> {
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
  const app = await createGateway(loaded);
  await app.listen(loaded.config.port);
  applyServerTimeouts(app, loaded);
  logger.log(`Listening on port ${loaded.config.port} (config: ${loaded.source})`);
}

if (require.main === module) {
  void bootstrap();
}
