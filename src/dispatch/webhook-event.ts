import type { WebhookEventMap, WebhookEventName } from '@octokit/webhooks-types';

/** What a handler receives: one stored delivery, parsed, with its attempt number. */
export interface WebhookEvent<P = unknown> {
  /** Gateway delivery id (UUIDv7): unique, time-sortable, the same on every retry. */
  id: string;
  /** The provider's canonical name, e.g. 'github'. */
  provider: string;
  /** Endpoint id from the config. */
  endpoint: string;
  /** Normalized type, e.g. 'pull_request.opened'. */
  type: string;
  /** The provider's own delivery/event id (X-GitHub-Delivery, Stripe event id, ...). */
  providerDeliveryId?: string;
  occurredAt?: Date;
  receivedAt: Date;
  /** The parsed body (JSON or form). */
  payload: P;
  headers: Record<string, string>;
  rawBody: Buffer;
  /** 1 on the first try. With `id`, enough for an idempotent handler to recognise a retry. */
  attempt: number;
  /**
   * Aborts when the run's time (`dispatch.timeoutMs`) runs out or the gateway shuts down
   * before the run finished; the run is then retried. Pass it to fetch and other cancellable
   * calls, so a timed-out attempt stops instead of finishing behind its retry.
   */
  signal: AbortSignal;
  /**
   * True while the return value is the HTTP answer to the provider: the first attempt of a reply
   * handler (`@OnWebhook(..., { reply: true })`), run in the request. False on every other run,
   * where a reply handler that must still answer uses the provider's follow-up channel (Slack's
   * `response_url`, Discord's interaction token).
   */
  replying: boolean;
}

/** A GitHub event with its payload typed by event name: `GithubEvent<'pull_request'>`. */
export type GithubEvent<E extends WebhookEventName> = WebhookEvent<WebhookEventMap[E]>;
