import { All, Controller, Inject, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { HookgateConfig } from '../config/config.schema';
import { HOOKGATE_CONFIG } from '../config/tokens';
import {
  MethodNotAllowedError,
  UnknownEndpointError,
  UnsupportedMediaTypeError,
} from '../errors/webhook-errors';
import type { WebhookResponse } from '../receivers/receiver';
import { EndpointRegistry } from './endpoint.registry';
import { mediaType, toIncomingWebhook } from './incoming-request';
import { PipelineService } from './pipeline.service';
import { readRawBody } from './raw-body.reader';

/**
 * The HTTP edge: `/webhooks/{provider}/{endpointId}`. Cheap refusals (404, 405, 415) happen
 * before a byte of the body is read; then the raw bytes go through the pipeline.
 */
@Controller('webhooks')
export class ReceiveController {
  constructor(
    private readonly endpoints: EndpointRegistry,
    private readonly pipeline: PipelineService,
    @Inject(HOOKGATE_CONFIG) private readonly config: HookgateConfig,
  ) {}

  @All(':provider/:endpointId')
  async receive(
    @Param('provider') provider: string,
    @Param('endpointId') endpointId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const endpoint = this.endpoints.find(provider, endpointId);
    if (!endpoint) throw new UnknownEndpointError(provider, endpointId);
    const { receiver } = endpoint;

    const methods = receiver.methods ?? ['POST'];
    if (!methods.includes(req.method)) throw new MethodNotAllowedError(req.method, methods);
    if (req.method === 'POST') {
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
    send(res, await this.pipeline.handle(endpoint, incoming));
  }
}

function send(res: Response, answer: WebhookResponse): void {
  res.status(answer.status);
  if (answer.headers) res.set(answer.headers);
  const { body } = answer;
  if (body === undefined) res.end();
  else if (typeof body === 'string' || Buffer.isBuffer(body)) res.send(body);
  else res.json(body);
}
