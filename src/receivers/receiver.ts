import type { SecretCheck } from './shared/secret-rules';

/**
 * The contract every provider implements. A receiver *declares* what its provider does (content
 * types, handshakes, signature scheme, where the event type and delivery id live); the pipeline
 * calls these in a fixed order and holds nothing provider-specific itself.
 *
 * Everything here is synchronous and pure over the request: no I/O, no framework. The one
 * exception is `verify`, which may return a promise for schemes that need a fetch (PayPal's
 * certificate), so the pipeline always awaits it.
 */

/** One inbound HTTP request, as the receiver sees it. Header names are lower-case. */
export interface IncomingWebhook {
  readonly method: 'POST' | 'GET' | 'HEAD' | string;
  /** The URL the provider called, from the endpoint's `publicUrl` when set, else rebuilt. */
  readonly url: string;
  readonly query: Readonly<Record<string, string | undefined>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The exact bytes sent. Signatures are computed over these, never over a re-serialization. */
  readonly rawBody: Buffer;
  /** The media type without parameters, lower-case (`application/json`), if any. */
  readonly contentType?: string;
}

/** What verify and handshakes get besides the request. */
export interface ReceiverContext<Options = unknown> {
  /** Every configured secret, newest first; any may match (rotation). */
  readonly secrets: readonly string[];
  readonly options: Options;
  /** Injected clock, so timestamp windows are testable without fake timers. */
  readonly now: Date;
}

export type VerifyResult =
  | {
      readonly ok: true;
      /** index into `secrets` of the secret that matched */ readonly secretIndex: number;
    }
  | {
      readonly ok: false;
      readonly reason: 'signature' | 'stale-timestamp';
      /** Why, for the log and the 401 body. Never includes a secret or an expected signature. */
      readonly message: string;
    };

/** A complete HTTP answer that a receiver wants sent as is (handshakes, custom acks). */
export interface WebhookResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer | object;
}

/** What normalize gets besides the request and its payload. */
export interface NormalizeContext<Options = unknown> {
  /** The endpoint id, e.g. `erp`. */
  readonly endpoint: string;
  readonly options: Options;
}

/**
 * A single-use value the provider signs (Mailgun's `signature.token`): the pipeline remembers it
 * per endpoint until `expiresAt` (pipeline/replay-token.stage.ts), so a captured signature cannot
 * carry another body. The same bytes again (an honest retry) still pass.
 */
export interface ReplayToken {
  readonly token: string;
  /** When the signature stops passing the timestamp window anyway: the token may be forgotten. */
  readonly expiresAt: Date;
}

/** What normalization extracts from a verified, parsed request. */
export interface NormalizedEvent {
  /** The normalized event type, e.g. `pull_request.opened`. */
  readonly type: string;
  /** The provider's own id for this delivery or event: the de-duplication key. */
  readonly providerDeliveryId?: string;
  readonly occurredAt?: Date;
  /**
   * What to store instead of the raw bytes, when the verified body carries a capability no
   * reader of the store should hold (SNS UnsubscribeConfirmation's Token and SubscribeURL).
   * The provider's signature no longer verifies over it. Default: the raw bytes.
   */
  readonly storedBody?: Buffer;
}

/**
 * What a receiver does, as `GET /admin/providers` lists it. Receivers made from a descriptor get
 * theirs from it; a spec checks that every registered receiver has one.
 */
export interface ReceiverProfile {
  /**
   * How a request is authenticated (docs/providers.md): `hmac` (over the body, maybe a timestamp
   * or id), `hmac-url` (the URL too), `hmac-params` (URL + sorted form fields), `hmac-fields`
   * (chosen fields only), `hmac-request` (method, path, headers, body), `ed25519`, `ecdsa`,
   * `rsa-cert` (a fetched certificate or key), `jwt`, `token`, `basic`, `code` (`?code=`),
   * `org-id`; several when the provider offers a choice.
   */
  readonly schemes: readonly string[];
  /** The handshakes it answers, e.g. `echo-query`, `url_verification`; empty for none. */
  readonly handshakes: readonly string[];
  /** Whether a signed timestamp bounds replays (checked in both directions). */
  readonly signsTimestamp: boolean;
  /** Configured per endpoint (`hmac`, `token`, `basic`): the scheme's details are options. */
  readonly configurable?: boolean;
}

export interface Receiver<Options = unknown> {
  /** The path segment and `event.provider`, e.g. `github`. */
  readonly name: string;
  /** Other names that route to this receiver (`svix` for `standard-webhooks`). */
  readonly aliases?: readonly string[];
  /** Media types accepted on POST (lower-case, without parameters). */
  readonly contentTypes: readonly string[];
  /** HTTP methods the provider uses; GET/HEAD only for handshakes. Default: POST. */
  readonly methods?: readonly string[];
  /**
   * How long the provider waits for an answer, in ms: documented, and the bound of a reply
   * handler's deadline (config/reply-deadline.ts).
   */
  readonly ackDeadlineMs?: number;
  /** Request headers that carry a secret and therefore are never stored (e.g. a plain token). */
  readonly secretHeaders?: readonly string[];
  /**
   * Secret headers that depend on the endpoint's options (the generic `token` provider's
   * `options.header`): never stored either.
   */
  secretHeadersFor?(options: Options): readonly string[];
  /** Whether an endpoint of this provider needs at least one secret. Default: true. */
  readonly requiresSecret?: boolean;
  /**
   * A provider that hands its signing secret over in a handshake, in this request header
   * (Asana's `X-Hook-Secret`), instead of the user configuring it: the pipeline keeps the first
   * one durably per endpoint (pipeline/handshake-secret.stage.ts), answers with the header
   * echoed, and verifies later requests with it besides any configured secret.
   */
  readonly handshakeSecretHeader?: string;
  /** How it authenticates and which handshakes it answers, for `GET /admin/providers`. */
  readonly profile?: ReceiverProfile;

  /**
   * Check one configured secret at start-up (`?code=` length, `user:password` shape, a Stripe
   * API key instead of the signing secret). Return what is wrong with it as an error message
   * (start-up stops), `{ warning }` (logged at start-up), or undefined. The message must not
   * quote the secret: the config loader prefixes the endpoint and the secret's index
   * (`endpoints[0].secrets[1]`). Data rules: `checkSecretRules` (shared/secret-rules.ts).
   */
  checkSecret?(secret: string): SecretCheck;

  /**
   * Validate and default the endpoint's `options` at start-up. Throw an Error whose message
   * names the bad option; the config loader prefixes the endpoint.
   */
  parseOptions?(options: Record<string, unknown> | undefined): Options;

  /**
   * Handshakes the provider sends unsigned (Dropbox `GET ?challenge=`, Trello `HEAD`, Slack
   * `ssl_check`). Return the answer, or undefined when this request is not one. A handshake
   * that carries a credential (Mailchimp's validator `GET ?code=`) may throw a SignatureError
   * when it does not match, so that it is refused 401 rather than answered.
   */
  handshakeBeforeVerify?(
    req: IncomingWebhook,
    ctx: ReceiverContext<Options>,
  ): WebhookResponse | undefined;

  /** Check the provider's signature over `req.rawBody`, trying every secret. */
  verify(req: IncomingWebhook, ctx: ReceiverContext<Options>): VerifyResult | Promise<VerifyResult>;

  /** Parse the verified body (JSON, form, ...). Throw MalformedBodyError on garbage. */
  parse(req: IncomingWebhook): unknown;

  /**
   * Handshakes the provider signs (Slack `url_verification`): answered only after verify, and
   * never stored or dispatched. `secret` is the one that verified the request, for answers
   * that must prove they know it (Zoom's `encryptedToken`).
   */
  handshakeAfterVerify?(
    req: IncomingWebhook,
    payload: unknown,
    secret?: string,
  ): WebhookResponse | undefined;

  /**
   * Derive type, delivery id and time from the request and its parsed payload. `ctx` names the
   * endpoint and its options, for providers configured per endpoint (`hmac`).
   */
  normalize(
    req: IncomingWebhook,
    payload: unknown,
    ctx?: NormalizeContext<Options>,
  ): NormalizedEvent;

  /**
   * The signed single-use token of a verified, parsed request, or undefined when it has none.
   * Declared only by providers whose signature does not cover the body (Mailgun): every other
   * receiver leaves it out and the pipeline does no store work for it.
   */
  replayToken?(
    req: IncomingWebhook,
    payload: unknown,
    ctx: ReceiverContext<Options>,
  ): ReplayToken | undefined;

  /**
   * Custom acknowledgement body (e.g. TwiML); default is `{ id, duplicate }` as JSON. `event` is
   * what normalize made of the delivery, for answers that depend on its type (Discord defers a
   * command and a component click differently).
   */
  acknowledge?(
    result: { id: string; duplicate: boolean },
    event?: NormalizedEvent,
  ): WebhookResponse;

  /**
   * Declared by receivers whose provider reads the HTTP answer (a Slack slash command's
   * message, TwiML): a handler with `{ reply: true }` may then give it
   * (docs/handlers.md#replying-to-the-provider). Turns the handler's return value, in the
   * provider's natural form, into the answer; throws an Error saying what the provider expects
   * when the value is not one (the reply run then fails and `acknowledge` answers). Without it,
   * `{ reply: true }` for this provider stops start-up.
   */
  reply?(value: unknown): WebhookResponse;
}
