import type { ReceiverRegistry } from '../../src/config/tokens';

/**
 * One row of the receiver contract (contract.e2e-spec.ts): how to make a valid delivery for a
 * receiver, signed by the provider's documented scheme or SDK (never by src/ verifier code), and
 * what the gateway stores for it. One file per receiver under cases/.
 */

/** A request exactly as sent: path (and query), headers, raw bytes. */
export interface WebhookRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

export interface SigningInput {
  /** When the provider signed it: the app's clock time, unless the case moves it. */
  readonly at: Date;
  /**
   * Makes the delivery distinct: the provider delivery id it is stored under derives from the
   * key (`dedupe.deliveryIdOf`). Without key and body: the documented delivery as published.
   */
  readonly key?: string;
  /** Sign and send this body as it is (no key is written into it). */
  readonly body?: Buffer;
  /** 2 and up: the provider's redelivery of the same event, shaped as the provider retries. */
  readonly attempt?: number;
  /** Sign with this secret (PayPal: private key) instead of the endpoint's current one. */
  readonly secret?: string;
}

/** A contract case that does not apply to a receiver, and why. The case is skipped, by name. */
export interface NotApplicable {
  readonly notApplicable: string;
}

export const notApplicable = (reason: string): NotApplicable => ({ notApplicable: reason });

export function isApplicable<T extends object>(value: T | NotApplicable): value is T {
  return !('notApplicable' in value);
}

/** What the endpoint under test needs in the app; made in beforeAll (PayPal's PKI is slow). */
export interface ProviderApp {
  readonly endpoint: Record<string, unknown>;
  readonly receivers?: ReceiverRegistry;
  /** The app clock's time at the start of each case; default 2026-11-27T12:00:00Z. */
  readonly clockStart?: Date;
}

/** Signature over one body, another body sent: must be refused 401 signature. */
export interface Tampering {
  readonly label: string;
  readonly signedBody: Buffer;
  readonly sentBody: Buffer;
}

/** A correctly signed delivery that cannot be parsed or typed: must be refused 400 malformed. */
export interface MalformedDelivery {
  readonly label: string;
  readonly request: (at: Date) => WebhookRequest;
  /** Pattern the refusal's message must match, where the provider's spec checked one. */
  readonly message?: RegExp;
  /**
   * 406 where the provider reads it as "do not retry" and retrying the same bytes cannot help
   * (Mailgun); default 400.
   */
  readonly status?: 400 | 406;
}

export interface ProviderCase {
  /** Shown in test titles. */
  readonly name: string;
  /** The provider name in the URL and in the stored delivery. */
  readonly provider: string;
  readonly endpoint: string;
  readonly app: () => ProviderApp;
  sign(input: SigningInput): WebhookRequest;

  /** Every secret the endpoint holds (newest first); a delivery signed with any is accepted. */
  readonly secrets: readonly string[] | NotApplicable;
  /** A secret (PayPal: a private key) the endpoint does not hold, and the refusal it earns. */
  readonly foreignSecret: { readonly make: () => string; readonly message?: RegExp };
  /**
   * Headers that carry the signature or token: a delivery without them is unsigned. Not
   * applicable to a provider that authenticates by a field of the body (Salesforce).
   */
  readonly signatureHeaders: readonly string[] | NotApplicable;
  /** Query parameters that carry the secret (ASP.NET's `?code=`): without them, unsigned too. */
  readonly signatureQueryParams?: readonly string[];
  /** Request headers that carry a secret, which must never be stored. */
  readonly secretHeaders: readonly string[];

  /** What the admin API shows for the documented delivery (`sign({ at })`). */
  readonly documented: {
    readonly type: string;
    readonly providerDeliveryId: string | null;
    /** The stored payload, compared with toEqual. */
    readonly payload: unknown;
    /** Literal values of the payload the provider's spec checked (toMatchObject). */
    readonly payloadIncludes?: object;
    /** More of the stored delivery (toMatchObject), e.g. headers kept. */
    readonly storedIncludes?: object;
  };
  /** How the receiver answers a stored delivery: `{ id, duplicate }` JSON, or a body of its own. */
  readonly acknowledgement: 'json' | { readonly contentType?: string; readonly text: string };
  /** De-duplication on the provider delivery id; not applicable when the provider sends none. */
  readonly dedupe:
    | {
        readonly deliveryIdOf: (key: string) => string;
        /** How long after the first attempt the provider redelivers (re-signing it). */
        readonly retryAfterMs: number;
      }
    | NotApplicable;
  readonly tamperings: readonly Tampering[] | NotApplicable;
  /** The signed-timestamp window, for schemes that sign a timestamp. */
  readonly timestampWindow: { readonly toleranceSeconds: number } | NotApplicable;
  /** Refused with 415 besides text/plain (which every receiver refuses). */
  readonly otherRefusedContentTypes: readonly string[];
  /** Set, with the reason, for a provider that itself sends text/plain (AWS SNS). */
  readonly acceptsTextPlain?: NotApplicable;
  readonly malformed: readonly MalformedDelivery[];
  /**
   * The Allow header of the 405 for a GET (and a HEAD) that is no handshake; not applicable
   * where every GET is a credentialed handshake, refused 401 without the credential.
   */
  readonly refusedGet: { readonly allow: string } | NotApplicable;
  readonly refusedHead: { readonly allow: string } | NotApplicable;
}
