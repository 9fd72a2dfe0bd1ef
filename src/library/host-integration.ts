import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { WebhookEdge } from '../pipeline/webhook-edge';
import { installWebhookFastPath } from '../pipeline/webhook-fast-path';

/** Whether the module serves the webhook route on the app's server itself (module options). */
export const SERVE_BEFORE_EXPRESS = Symbol('HOOKGATE_SERVE_BEFORE_EXPRESS');

/**
 * What the module does to the app it is imported into, at bootstrap: serve the webhook route on
 * the app's HTTP server before express (so the host keeps its body parsers and deliveries keep
 * their raw bytes), and say once when a SIGTERM would cut running handlers short.
 */
@Injectable()
export class HostIntegration implements OnApplicationBootstrap {
  private readonly logger = new Logger('Hookgate');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly edge: WebhookEdge,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
    @Inject(SERVE_BEFORE_EXPRESS) private readonly serveBeforeExpress: boolean,
  ) {}

  onApplicationBootstrap(): void {
    // A standalone application context has no HTTP server: nothing to serve, nothing to stop.
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server) return;
    if (this.serveBeforeExpress && this.config.role !== 'worker') this.serveWebhooks(server);
    // The host enables shutdown hooks between init and listen, as often as before init.
    if (server.listening) this.checkShutdownHooks();
    else server.once('listening', () => this.checkShutdownHooks());
  }

  /** Another request listener (a websocket library's) leaves the route to the middleware. */
  private serveWebhooks(server: Server): void {
    try {
      installWebhookFastPath(server, this.edge);
    } catch (error) {
      this.logger.warn(
        `Webhooks are served as middleware, after the app's body parsers: ${(error as Error).message}`,
      );
    }
  }

  /**
   * Nest's enableShutdownHooks() listens for SIGTERM; a host that handles SIGTERM its own way
   * listens too. Nobody listening means the process dies with handlers mid-run.
   */
  private checkShutdownHooks(): void {
    if (process.listenerCount('SIGTERM') > 0) return;
    this.logger.warn(
      'Shutdown hooks are off: SIGTERM stops the process without letting running webhook handlers finish. Call app.enableShutdownHooks() before app.listen() (docs/library.md).',
    );
  }
}
