import { SetMetadata } from '@nestjs/common';

export const ON_WEBHOOK = Symbol('hookgate:on-webhook');

export interface OnWebhookOptions {
  /** Only deliveries of this endpoint id. */
  endpoint?: string;
  /**
   * The handler's stable name, recorded on every run (default `Class.method`). Keep it when
   * renaming the method, or pending retries will not find their handler.
   */
  name?: string;
  /**
   * The handler's return value is the HTTP answer to the provider (a Slack slash command's
   * message, a Discord interaction response, TwiML), given after the delivery committed and
   * within the provider's deadline (docs/handlers.md#replying-to-the-provider). Only for
   * providers that read the answer; at most one reply handler may match a delivery.
   */
  reply?: boolean;
}

export interface OnWebhookMetadata extends OnWebhookOptions {
  provider: string;
  pattern: string;
}

/**
 * Mark a method as a webhook handler: `@OnWebhook('github', 'pull_request.*')`. It receives a
 * `WebhookEvent`; throwing retries it with backoff. The decorator only records metadata: the
 * explorer finds and checks handlers at start-up.
 */
export function OnWebhook(
  provider: string,
  typePattern = '*',
  options: OnWebhookOptions = {},
): MethodDecorator {
  const metadata: OnWebhookMetadata = { provider, pattern: typePattern, ...options };
  return (target, key, descriptor) => {
    // Plain JavaScript can apply it to anything: say where, rather than fail on `undefined`.
    if (typeof descriptor?.value !== 'function') {
      const owner = typeof target === 'function' ? target.name : target.constructor.name;
      throw new TypeError(
        `@OnWebhook('${provider}', '${typePattern}') is on ${owner}.${String(key)}, which is not a method: put it on a method that takes the event.`,
      );
    }
    const existing: OnWebhookMetadata[] =
      Reflect.getMetadata(ON_WEBHOOK, descriptor.value as object) ?? [];
    SetMetadata(ON_WEBHOOK, [...existing, metadata])(target, key, descriptor);
  };
}
