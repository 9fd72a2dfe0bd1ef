import { Inject, Injectable, Logger, NestMiddleware } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request } from 'express';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import { requestPath, sendError } from '../errors/http-error.filter';
import {
  MethodNotAllowedError,
  UnknownEndpointError,
  UnsupportedMediaTypeError,
  WebhookError,
} from '../errors/webhook-errors';
import { logWithFields } from '../observability/field-log';
import { MetricsService } from '../observability/metrics.service';
import type { Receiver, WebhookResponse } from '../receivers/receiver';
import { EndpointRegistry, type ResolvedEndpoint } from './endpoint.registry';
import { mediaType, toIncomingWebhook } from './incoming-request';
import { PipelineService, type PipelineResult } from './pipeline.service';
import { readRawBody } from './raw-body.reader';

/**
 * The HTTP edge: `/webhooks/{provider}/{endpointId}`. Cheap refusals (404, 405, 415) happen
 * before a byte of the body is read; then the raw bytes go through the pipeline.
 *
 * It is middleware, not a controller, so that the route stays lean whatever the host app
 * registers globally: no pipes, guards, interceptors, route matching or parameter decorators
 * run on a delivery (docs/adr/0009-webhook-route-before-express.md). The gateway goes further
 * and serves the route before express sees the request (webhook-fast-path.ts), so everything
 * here works on node's own request and response. Errors are answered here by the same code as
 * the app's exception filter.
 */
@Injectable()
export class WebhookEdge implements NestMiddleware {
  private readonly logger = new Logger('Webhooks');
  private readonly errorLogger = new Logger('Http');

  constructor(
    private readonly endpoints: EndpointRegistry,
    private readonly pipeline: PipelineService,
    private readonly metrics: MetricsService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
  ) {}

  /** Mounted on `webhooks/:provider/:endpointId` (HookgateModule.configure). */
  use(req: Request, res: ServerResponse): void {
    const { provider, endpointId } = req.params as { provider: string; endpointId: string };
    this.handle(provider, endpointId, req, res);
  }

  /** Answer one request to the webhook route; never throws or rejects. */
  handle(provider: string, endpointId: string, req: IncomingMessage, res: ServerResponse): void {
    this.receive(provider, endpointId, req, res).catch((error: unknown) =>
      sendError(error, req, res, this.errorLogger),
    );
  }

  private async receive(
    provider: string,
    endpointId: string,
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const started = process.hrtime.bigint();
    const arrivedAt = performance.now();
    const endpoint = this.endpoints.find(provider, endpointId);
    if (!endpoint) {
      // Labels come from the config only: an unknown URL must not create new time series.
      this.metrics.delivery('unknown', 'unknown', 'unknown-endpoint');
      throw new UnknownEndpointError(provider, endpointId);
    }
    try {
      const result = await this.process(endpoint, req, arrivedAt);
      const requestId = requestIdOf(req);
      res.setHeader('X-Request-Id', requestId);
      send(res, result.response);
      this.metrics.delivery(endpoint.provider, endpoint.id, result.outcome);
      if (result.secretIndex !== undefined) {
        this.metrics.secretMatched(endpoint.provider, endpoint.id, result.secretIndex);
      }
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (result.outcome !== 'handshake')
        this.metrics.acknowledged(endpoint.provider, endpoint.id, seconds);
      // One line in the gateway's JSON and in a host app's console logger alike.
      logWithFields(
        this.logger,
        'log',
        {
          reqId: requestId,
          deliveryId: result.deliveryId,
          provider: endpoint.provider,
          endpoint: endpoint.id,
          outcome: result.outcome,
          durationMs: Math.round(seconds * 1000),
        },
        `${result.outcome} ${req.method} ${requestPath(req)}`,
      );
    } catch (error) {
      const reason = error instanceof WebhookError ? error.reason : 'error';
      this.metrics.delivery(endpoint.provider, endpoint.id, reason);
      throw error;
    }
  }

  private async process(
    endpoint: ResolvedEndpoint,
    req: IncomingMessage,
    arrivedAt: number,
  ): Promise<PipelineResult> {
    const { receiver } = endpoint;

    const methods = receiver.methods ?? ['POST'];
    const method = req.method ?? 'GET';
    if (!methods.includes(method)) throw new MethodNotAllowedError(method, methods);
    if (req.method === 'POST' && !carriesHandshakeSecret(receiver, req)) {
      const type = mediaType(req.headers['content-type']);
      if (!type || !receiver.contentTypes.includes(type)) {
        throw new UnsupportedMediaTypeError(req.headers['content-type'], receiver.contentTypes);
      }
    }

    const rawBody =
      req.method === 'POST'
        ? await readRawBody(req, this.config.http.maxBodyBytes)
        : Buffer.alloc(0);
    const incoming = toIncomingWebhook(req, rawBody, {
      publicUrl: endpoint.publicUrl,
      trustProxy: this.config.http.trustProxy,
    });
    return this.pipeline.handle(endpoint, incoming, arrivedAt);
  }
}

/** The caller's X-Request-Id when it is sane (a proxy's), otherwise a new one. */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** Node's own writes (no express helpers: see the class comment); Node adds Content-Length. */
function send(res: ServerResponse, answer: WebhookResponse): void {
  res.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
  const { body } = answer;
  if (body === undefined) {
    res.end();
    return;
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    if (!res.hasHeader('content-type')) {
      // Never text/html: a receiver's text answer may echo caller input (a challenge).
      const type =
        typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/octet-stream';
      res.setHeader('Content-Type', type);
    }
    res.end(body);
    return;
  }
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** Asana's handshake is a POST that may name no media type: its body is not read as an event. */
function carriesHandshakeSecret(receiver: Receiver<unknown>, req: IncomingMessage): boolean {
  const header = receiver.handshakeSecretHeader;
  return header !== undefined && req.headers[header.toLowerCase()] !== undefined;
}
