import type { IncomingWebhook, NormalizedEvent } from '../../receiver';
import type { TimestampUnit } from '../signed-timestamp';

/**
 * What `asymmetricReceiver` turns into a `Receiver`: a provider that signs with its private key
 * and publishes the public key, described as data in the HMAC descriptor's vocabulary (signature
 * header, timestamp header, signed-content template). The endpoint's `secrets` hold the public
 * key(s), several while the provider rotates. What is a provider's own (handshakes, answers,
 * where its type lives) stays code in its receiver.
 */
export interface AsymmetricDescriptor {
  /** The path segment and `event.provider`, e.g. `telnyx`. */
  readonly name: string;
  /** How the provider is named in messages. */
  readonly title: string;
  /** Media types accepted on POST. Default: `application/json`. */
  readonly contentTypes?: readonly string[];
  readonly ackDeadlineMs?: number;

  /** `ed25519` (pure Ed25519) or `ecdsa-p256` (ECDSA on P-256 over SHA-256, DER signature). */
  readonly scheme: AsymmetricScheme;
  readonly publicKey: PublicKeyFormat;
  readonly signature: { readonly header: string; readonly encoding: 'hex' | 'base64' };
  /** The signed bytes: `{timestamp}` `{body}` and literal text, e.g. `{timestamp}|{body}`. */
  readonly signedContent: string;
  /** A signed timestamp, checked in both directions after the signature. */
  readonly timestamp?: {
    readonly header: string;
    readonly unit: TimestampUnit;
    /** Default 300; `options.toleranceSeconds` overrides it, 0 turns the check off. */
    readonly toleranceSeconds?: number;
  };

  /** Default: a JSON object. */
  readonly parse?: (req: IncomingWebhook) => unknown;
  readonly normalize: (req: IncomingWebhook, payload: unknown) => NormalizedEvent;
}

export type AsymmetricScheme = 'ed25519' | 'ecdsa-p256';

/**
 * How the public key is written where the provider shows it: `hex` or `base64` of the raw
 * 32-byte Ed25519 key, or `base64-spki` (a DER SubjectPublicKeyInfo, PEM armour optional).
 */
export interface PublicKeyFormat {
  readonly encoding: 'hex' | 'base64' | 'base64-spki';
  /** What a valid key looks like and where to find it, for start-up errors and refusals. */
  readonly hint: string;
}

/** The options every asymmetric descriptor understands. */
export interface AsymmetricOptions {
  readonly toleranceSeconds?: number;
}
