import { Inject, Injectable } from '@nestjs/common';
import { MethodNotAllowedError } from '../errors/webhook-errors';
import { CLOCK, Clock } from '../config/tokens';
import type { IncomingWebhook, ReceiverContext, WebhookResponse } from '../receivers/receiver';
import { InboxWriter } from '../store/inbox.writer';
import { acknowledgeStage } from './acknowledge.stage';
import type { ResolvedEndpoint } from './endpoint.registry';
import { handshakeAfterVerify, handshakeBeforeVerify } from './handshake.stage';
import { normalizeStage, parseStage } from './normalize.stage';
import { toNewDelivery } from './store.stage';
import { verifyStage } from './verify.stage';

/**
 * The request path after the body is read: handshake → verify → parse → (signed handshake) →
 * normalize → store → ack. Each stage throws a WebhookError with the status the provider sees.
 */
@Injectable()
export class PipelineService {
  constructor(
    private readonly inbox: InboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(endpoint: ResolvedEndpoint, req: IncomingWebhook): Promise<WebhookResponse> {
    const receivedAt = this.clock.now();
    const ctx: ReceiverContext<unknown> = {
      secrets: endpoint.secrets,
      options: endpoint.options,
      now: receivedAt,
    };

    const early = handshakeBeforeVerify(endpoint, req, ctx);
    if (early) return early;
    // GET and HEAD exist only for handshakes; one that was not answered above is a mistake.
    if (req.method !== 'POST') throw new MethodNotAllowedError(req.method, ['POST']);

    await verifyStage(endpoint, req, ctx);
    const payload = parseStage(endpoint, req);
    const signedHandshake = handshakeAfterVerify(endpoint, req, payload);
    if (signedHandshake) return signedHandshake;

    const event = normalizeStage(endpoint, req, payload);
    const stored = await this.inbox.store(toNewDelivery(endpoint, req, event, receivedAt));
    return acknowledgeStage(endpoint, stored);
  }
}
