/**
 * The request-path errors. Each carries the HTTP status the provider should see and a short
 * machine-readable `reason` (used for metrics and the one log line per refusal). Messages say
 * how to fix the problem and never contain a secret.
 */
export type RefusalReason =
  | 'unknown-endpoint'
  | 'method-not-allowed'
  | 'unsupported-media-type'
  | 'too-large'
  | 'malformed'
  | 'signature'
  | 'stale-timestamp'
  | 'replayed'
  | 'handshake-refused'
  | 'store-unavailable'
  | 'upstream-unavailable';

export class WebhookError extends Error {
  constructor(
    readonly status: number,
    readonly reason: RefusalReason,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnknownEndpointError extends WebhookError {
  constructor(provider: string, endpointId: string) {
    super(
      404,
      'unknown-endpoint',
      `No endpoint "${endpointId}" is configured for provider "${provider}".`,
    );
  }
}

export class MethodNotAllowedError extends WebhookError {
  constructor(method: string, allowed: readonly string[]) {
    super(405, 'method-not-allowed', `${method} is not accepted here; use ${allowed.join(', ')}.`, {
      Allow: allowed.join(', '),
    });
  }
}

export class UnsupportedMediaTypeError extends WebhookError {
  constructor(contentType: string | undefined, accepted: readonly string[]) {
    super(
      415,
      'unsupported-media-type',
      `Content-Type "${contentType ?? '(none)'}" is not accepted; send one of ${accepted.join(', ')}.`,
    );
  }
}

export class PayloadTooLargeError extends WebhookError {
  constructor(limitBytes: number) {
    super(413, 'too-large', `The body is larger than the limit of ${limitBytes} bytes.`);
  }
}

export class MalformedBodyError extends WebhookError {
  constructor(detail: string) {
    super(400, 'malformed', `The body could not be parsed: ${detail}.`);
  }
}

/** Signature missing, wrong, or made with a secret we do not hold. */
export class SignatureError extends WebhookError {
  constructor(detail: string, reason: 'signature' | 'stale-timestamp' = 'signature') {
    super(401, reason, detail);
  }
}

/**
 * A signed single-use token seen before on the endpoint with another body (Mailgun's
 * `signature.token`): someone replays a captured signature over a payload of their own. 401
 * like any signature failure; the same bytes again are a retry and pass.
 */
export class ReplayedError extends WebhookError {
  constructor(detail: string) {
    super(401, 'replayed', detail);
  }
}

/**
 * An unsigned handshake that failed its own check (Meta's verify token): 403, so the provider's
 * dashboard shows the setup failed. The message names what to fix, never the value sent.
 */
export class HandshakeRefusedError extends WebhookError {
  constructor(detail: string) {
    super(403, 'handshake-refused', detail);
  }
}

/** The store could not commit: the provider must retry (we never 2xx without a commit). */
export class StoreUnavailableError extends WebhookError {
  constructor(detail = 'The delivery could not be stored; retry later.') {
    super(503, 'store-unavailable', detail, { 'Retry-After': '5' });
  }
}
