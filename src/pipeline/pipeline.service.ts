import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { MethodNotAllowedError } from '../errors/webhook-errors';
import { CLOCK, Clock } from '../config/tokens';
import { ReplyRuns } from '../dispatch/reply/reply-runs';
import type { IncomingWebhook, ReceiverContext, WebhookResponse } from '../receivers/receiver';
import { HandshakeSecrets } from '../store/handshake-secrets';
import { InboxWriter } from '../store/inbox/inbox.writer';
import { ReplayTokens } from '../store/replay-tokens';
import { acknowledgeStage } from './acknowledge.stage';
import { EndpointRegistry, type ResolvedEndpoint } from './endpoint.registry';
import { handshakeAfterVerify, handshakeBeforeVerify } from './handshake.stage';
import { handshakeSecretStage, secretsWithHandshake } from './handshake-secret.stage';
import { normalizeStage, parseStage } from './normalize.stage';
import { replayTokenStage } from './replay-token.stage';
import { replyStage } from './reply.stage';
import { toNewDelivery } from './store.stage';
import { verifyStage } from './verify.stage';

/** What happened to one request that was not refused. */
export interface PipelineResult {
  response: WebhookResponse;
  outcome: 'accepted' | 'duplicate' | 'handshake';
  /** Index of the configured secret that verified it (rotation metrics); absent for handshakes before verify. */
  secretIndex?: number;
  /** Gateway delivery id, for stored deliveries. */
  deliveryId?: string;
}

/**
 * The request path after the body is read: handshake → verify → parse → (signed handshake) →
 * (replay token) → normalize → store → ack, or a reply handler's answer. Each stage throws a
 * WebhookError with the status the provider sees.
 */
@Injectable()
export class PipelineService {
  constructor(
    private readonly inbox: InboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly endpoints: EndpointRegistry,
    private readonly handshakeSecrets: HandshakeSecrets,
    private readonly replayTokens: ReplayTokens,
    private readonly replies: ReplyRuns,
  ) {}

  /** `arrivedAt`: when the request arrived (performance.now()), where a reply's deadline starts. */
  async handle(
    endpoint: ResolvedEndpoint,
    req: IncomingWebhook,
    arrivedAt = performance.now(),
  ): Promise<PipelineResult> {
    const receivedAt = this.clock.now();
    const ctx: ReceiverContext<unknown> = {
      secrets: endpoint.secrets,
      options: endpoint.options,
      now: receivedAt,
    };
    // Only a provider that hands its secret over in a handshake (Asana) reads the store here:
    // the handshake keeps it, any other request verifies with it.
    const handsOverSecret = endpoint.receiver.handshakeSecretHeader !== undefined;

    const early =
      handshakeBeforeVerify(endpoint, req, ctx) ??
      (handsOverSecret
        ? await handshakeSecretStage(endpoint, req, this.handshakeSecrets, receivedAt)
        : undefined);
    if (early) return { response: early, outcome: 'handshake' };
    // GET and HEAD exist only for handshakes; one that was not answered above is a mistake.
    if (req.method !== 'POST') throw new MethodNotAllowedError(req.method, ['POST']);

    const verifyCtx = handsOverSecret
      ? { ...ctx, secrets: await secretsWithHandshake(endpoint, this.handshakeSecrets) }
      : ctx;
    const secretIndex = await verifyStage(endpoint, req, verifyCtx);
    const payload = parseStage(endpoint, req);
    const signedHandshake = handshakeAfterVerify(
      endpoint,
      req,
      payload,
      verifyCtx.secrets[secretIndex],
    );
    if (signedHandshake) return { response: signedHandshake, outcome: 'handshake', secretIndex };
    // Only a provider that signs a single-use token instead of the body (Mailgun) reads the
    // store before the insert; no other receiver declares replayToken.
    if (endpoint.receiver.replayToken) {
      await replayTokenStage(endpoint, req, payload, verifyCtx, this.replayTokens);
    }

    const event = normalizeStage(endpoint, req, payload);
    // Only a delivery a reply handler answers has one: for the others, a lookup and no store work.
    const reply = this.replies.arrival(endpoint, event.type);
    const stored = await this.inbox.store(
      toNewDelivery(this.endpoints.secretHeaders, endpoint, req, event, receivedAt, reply),
    );
    return {
      response: reply
        ? await replyStage(this.replies, endpoint, stored, event, arrivedAt)
        : acknowledgeStage(endpoint, stored, event),
      outcome: stored.duplicate ? 'duplicate' : 'accepted',
      secretIndex,
      deliveryId: stored.id,
    };
  }
}
