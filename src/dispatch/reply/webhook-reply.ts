/** Marks an explicit reply; `Symbol.for`, so that a second copy of the package agrees. */
const EXPLICIT: unique symbol = Symbol.for('hookgate.webhook-reply');

/**
 * A reply handler's answer with full control of status, headers and body, made by
 * `webhookReply`: sent as given instead of in the provider's natural form.
 */
export interface WebhookReply {
  readonly [EXPLICIT]: true;
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** A string or Buffer as is, anything else as JSON; none for an empty body. */
  readonly body?: string | Buffer | object;
}

export interface WebhookReplyOptions {
  /** Default 200. */
  status?: number;
  headers?: Readonly<Record<string, string>>;
}

/**
 * An explicit answer, e.g. `webhookReply('<Response/>', { headers: { 'content-type':
 * 'text/xml' } })` or `webhookReply(undefined, { status: 204 })`. Without a `content-type`, a
 * string goes as text/plain, a Buffer as application/octet-stream, anything else as JSON.
 */
export function webhookReply(
  body?: string | Buffer | object,
  options: WebhookReplyOptions = {},
): WebhookReply {
  return { [EXPLICIT]: true, status: options.status ?? 200, headers: options.headers ?? {}, body };
}

export function isWebhookReply(value: unknown): value is WebhookReply {
  return typeof value === 'object' && value !== null && EXPLICIT in value;
}
