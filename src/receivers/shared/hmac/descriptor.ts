import type { IncomingWebhook, NormalizedEvent } from '../../receiver';
import type { HmacAlgorithm } from '../hmac';
import type { Handshake } from './handshakes';
import type { SignedHandshake } from './handshakes/signed';
import type { FieldSource } from './field-source';
import type { TimestampUnit } from '../signed-timestamp';
import type { SecretRules } from '../secret-rules';

/**
 * What `hmacReceiver` turns into a `Receiver`: a provider that signs with an HMAC, described
 * as data. Header names are written as the provider documents them (`X-Hub-Signature`); they
 * are looked up lower-case.
 */
export interface HmacDescriptor<Options = HmacOptions> {
  /** The path segment and `event.provider`, e.g. `bitbucket`. */
  readonly name: string;
  /** How the provider is named in messages (`options.x is not a Bitbucket option`). */
  readonly title: string;
  readonly aliases?: readonly string[];
  /** Media types accepted on POST. Default: `application/json`. */
  readonly contentTypes?: readonly string[];
  readonly ackDeadlineMs?: number;

  readonly algorithm: HmacAlgorithm;
  /** How a configured secret becomes the HMAC key. Default: its UTF-8 bytes. */
  readonly key?: HmacKey;
  /**
   * What the provider's secrets look like, checked at start-up. A secret that is no valid key
   * in `key`'s encoding is refused whatever the rules say: it could never match.
   */
  readonly secretRules?: SecretRules;
  readonly signature: SignatureSource;
  /** An older, weaker signature the endpoint accepts only when it opts in (Meta's SHA-1). */
  readonly legacySignature?: LegacySignature;
  /** The signed bytes: `{body}` `{timestamp}` `{id}` `{url}` `{method}` and literal text. Default `{body}`. */
  readonly signedContent?: string;
  /** A signed timestamp, checked in both directions after the signature. */
  readonly timestamp?: TimestampSource;

  /** The event type: a header, a body path, or one fixed type. Required unless `normalize`. */
  readonly type?: FieldSource | { readonly fixed: string };
  /** The provider's delivery id (the de-duplication key); `body-hash` when it sends none. */
  readonly id?: FieldSource | 'body-hash';
  /** When the event happened (ISO-8601), if the provider says. */
  readonly occurredAt?: FieldSource;
  /** An unsigned handshake answered before verification. */
  readonly handshake?: Handshake;
  /** A handshake signed like a delivery: answered after verification, never stored. */
  readonly signedHandshake?: SignedHandshake;

  /** Refusal messages. `mismatch` may name `{url}`, the URL that was signed. */
  readonly messages?: { readonly missing?: string; readonly mismatch?: string };

  // What is truly the provider's own, when data does not say it.
  /**
   * Default: `toleranceSeconds` when a timestamp is signed, the legacy signature's switch, and
   * the option a `verify-token-query` handshake compares with; no others.
   */
  readonly parseOptions?: (options: Record<string, unknown> | undefined) => Options;
  /** The URL for `{url}`. Default: `req.url` (the endpoint's `publicUrl` when set). */
  readonly signedUrl?: (req: IncomingWebhook, options: Options) => string;
  /** Default: a JSON object. */
  readonly parse?: (req: IncomingWebhook) => unknown;
  /** Replaces `type`, `id` and `occurredAt`. */
  readonly normalize?: (req: IncomingWebhook, payload: unknown) => NormalizedEvent;
}

/** The options every descriptor understands by default. */
export interface HmacOptions {
  readonly toleranceSeconds?: number;
}

export interface HmacKey {
  readonly encoding: 'utf8' | 'base64' | 'hex';
  /** Removed before decoding when present, e.g. `whsec_`. */
  readonly stripPrefix?: string;
}

/**
 * A second signature source, checked only when no header of `signature` is sent and only when
 * the boolean `options[option]` is true; otherwise a request that carries only it is refused,
 * saying why. Everything else (key, signed content, timestamp) is the descriptor's.
 */
export interface LegacySignature {
  readonly algorithm: HmacAlgorithm;
  readonly signature: SignatureSource;
  /** The boolean option that turns it on, e.g. `allowSha1`; default false. */
  readonly option: string;
}

export type SignatureEncoding = 'hex' | 'base64' | 'base64url';

export interface SignatureSource {
  /** One or more headers (Box's primary and secondary). */
  readonly headers: readonly string[];
  /**
   * `all` (default): every sent header's signatures are candidates. `first-present`: only the
   * first header that is sent at all, even empty (Shopify's two header families).
   */
  readonly use?: 'all' | 'first-present';
  /** Hex is compared case-insensitively; base64 exactly as sent; base64url without padding. */
  readonly encoding: SignatureEncoding;
  /** Required before each signature, e.g. `sha256=`. */
  readonly prefix?: string;
  readonly list?: SignatureList;
}

/**
 * A header holding several fields: `t=…,v1=…` (`,` and `=`), `ts=…;h1=…` (`;` and `=`),
 * `v1,sig v1,sig` (` ` and `,`), or plain values separated by spaces (no `keyValue`).
 */
export interface SignatureList {
  readonly separator: ',' | ';' | ' ';
  readonly keyValue?: '=' | ',';
  /** The key of the signatures (`v1`); every occurrence is a candidate. */
  readonly signatureKey?: string;
}

export type { FieldSource };

export type { TimestampUnit };

export type TimestampSource = (
  | { readonly header: string }
  | { readonly path: string }
  /** A field of the (first) signature header's list, e.g. `t`. */
  | { readonly signatureField: string }
) & {
  readonly unit: TimestampUnit;
  /** Default 300; `options.toleranceSeconds` overrides it, 0 turns the check off. */
  readonly toleranceSeconds?: number;
};
