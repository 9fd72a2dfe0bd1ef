import { Webhook } from 'standardwebhooks';
import type { ForwardConfig } from '../../config/forward.config';
import type { Clock } from '../../config/tokens';
import { PermanentFailure, RetryLater } from '../failures';
import type { WebhookEvent } from '../webhook-event';
import { cloudEventMessage, type EncodedMessage } from './cloud-event';
import type { ForwardTarget } from './forward-target';
import { parseRetryAfterMs } from './retry-after';
import { displayUrl, withoutUrlSecrets } from './target-name';

/** Hookgate's own JSON envelope, the default body of an HTTP forward. */
function envelopeMessage(event: WebhookEvent): EncodedMessage {
  const body = JSON.stringify({
    id: event.id,
    provider: event.provider,
    endpoint: event.endpoint,
    type: event.type,
    providerDeliveryId: event.providerDeliveryId ?? null,
    receivedAt: event.receivedAt.toISOString(),
    payload: event.payload,
  });
  return { body, contentType: 'application/json' };
}

/**
 * POST the delivery as JSON (the envelope, or a CloudEvent with `format: cloudevents`) with
 * Standard Webhooks headers, so the receiving service can verify it with any Standard Webhooks
 * library. A 2xx is the acknowledgement.
 */
export class HttpTarget implements ForwardTarget {
  private readonly signer?: Webhook;
  private readonly shown: string;
  private readonly url: string;
  private readonly authorization?: string;

  constructor(
    private readonly target: ForwardConfig,
    private readonly clock: Clock,
  ) {
    this.signer = target.secret ? new Webhook(target.secret) : undefined;
    this.shown = displayUrl(target.url);
    // fetch refuses a URL with credentials: send them as Basic authentication, as curl does.
    const url = new URL(target.url);
    if (url.username || url.password) {
      const user = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      this.authorization = `Basic ${Buffer.from(user).toString('base64')}`;
      url.username = '';
      url.password = '';
    }
    this.url = this.authorization ? url.href : target.url;
  }

  async send(event: WebhookEvent): Promise<void> {
    const { body, contentType } =
      this.target.format === 'cloudevents'
        ? await cloudEventMessage(event)
        : envelopeMessage(event);
    const now = this.clock.now();
    const headers: Record<string, string> = {
      'content-type': contentType,
      'user-agent': 'Hookgate',
      'webhook-id': event.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
    };
    if (this.signer) headers['webhook-signature'] = this.signer.sign(event.id, now, body);
    if (this.authorization) headers.authorization = this.authorization;

    const { timeoutMs } = this.target;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers,
        body,
        redirect: 'manual',
        // The target's own timeout, or the run's (event.signal): a forward abandoned by its
        // run must not still arrive after the retry was scheduled.
        signal: AbortSignal.any([event.signal, AbortSignal.timeout(timeoutMs)]),
      });
    } catch (error) {
      const cause =
        (error as Error).name === 'TimeoutError'
          ? `timed out after ${timeoutMs} ms`
          : withoutUrlSecrets((error as Error).message, this.target.url);
      throw new Error(`POST ${this.shown} failed: ${cause}`);
    }
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return;
    const what = `POST ${this.shown} answered ${response.status}`;
    if (response.status === 410) throw new PermanentFailure(`${what} Gone: not retried`);
    const retryAfter = parseRetryAfterMs(response.headers.get('retry-after'), now);
    if (retryAfter !== undefined)
      throw new RetryLater(`${what}; Retry-After ${retryAfter} ms`, retryAfter);
    throw new Error(what);
  }
}
