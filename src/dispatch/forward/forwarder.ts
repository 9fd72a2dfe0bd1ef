import { Inject, Injectable } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import type { ForwardConfig } from '../../config/config.schema';
import { CLOCK, type Clock } from '../../config/tokens';
import type { ResolvedEndpoint } from '../../pipeline/endpoint.registry';
import { PermanentFailure, RetryLater } from '../failures';
import type { RegisteredHandler } from '../handler.registry';
import type { WebhookEvent } from '../webhook-event';
import { parseRetryAfterMs } from './retry-after';

/**
 * Built-in HTTP forwarding: POST the envelope as JSON with Standard Webhooks headers, so the
 * receiving service can verify it with any Standard Webhooks library. Each target is its own
 * handler (and so its own run, retried on its own).
 */
@Injectable()
export class Forwarder {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  handlerFor(endpoint: ResolvedEndpoint, target: ForwardConfig): RegisteredHandler {
    const signer = target.secret ? new Webhook(target.secret) : undefined;
    return {
      name: `forward:${endpoint.id}:${target.url}`,
      provider: endpoint.provider,
      endpoint: endpoint.id,
      pattern: '*',
      source: `endpoints[id=${endpoint.id}].forward`,
      invoke: (event) => this.forward(event, target, signer),
    };
  }

  private async forward(
    event: WebhookEvent,
    target: ForwardConfig,
    signer?: Webhook,
  ): Promise<void> {
    const body = JSON.stringify({
      id: event.id,
      provider: event.provider,
      endpoint: event.endpoint,
      type: event.type,
      providerDeliveryId: event.providerDeliveryId ?? null,
      receivedAt: event.receivedAt.toISOString(),
      payload: event.payload,
    });
    const now = this.clock.now();
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'Hookgate',
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    };
    if (signer) headers['webhook-signature'] = signer.sign(event.id, now, body);

    let response: Response;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        // The target's own timeout, or the run's (event.signal): a forward abandoned by its
        // run must not still arrive after the retry was scheduled.
        signal: AbortSignal.any([event.signal, AbortSignal.timeout(target.timeoutMs)]),
      });
    } catch (error) {
      const cause =
        (error as Error).name === 'TimeoutError'
          ? `timed out after ${target.timeoutMs} ms`
          : (error as Error).message;
      throw new Error(`POST ${target.url} failed: ${cause}`);
    }
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return;
    const what = `POST ${target.url} answered ${response.status}`;
    if (response.status === 410) throw new PermanentFailure(`${what} Gone: not retried`);
    const retryAfter = parseRetryAfterMs(response.headers.get('retry-after'), now);
    if (retryAfter !== undefined)
      throw new RetryLater(`${what}; Retry-After ${retryAfter} ms`, retryAfter);
    throw new Error(what);
  }
}
