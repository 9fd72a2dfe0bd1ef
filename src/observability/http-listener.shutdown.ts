import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';

/**
 * On shutdown, stop accepting connections first, so providers get a connection error (and
 * retry elsewhere) rather than a 503 from a store that is closing. Requests already received
 * still finish: the inbox commits them before the store closes.
 */
@Injectable()
export class HttpListenerShutdown implements BeforeApplicationShutdown {
  private readonly logger = new Logger('Hookgate');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  beforeApplicationShutdown(signal?: string): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (!server?.listening) return;
    server.close();
    this.logger.log(
      `Shutting down${signal ? ` on ${signal}` : ''}: no new connections; requests already received finish`,
    );
  }
}
