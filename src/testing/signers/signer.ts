/**
 * What every provider's test signer implements: given the bytes to send and the endpoint's
 * secret (or, for public-key providers, the private key), the headers and URL the provider
 * would send them with.
 */
export interface SignInput {
  /** The endpoint's secret as configured; for public-key providers the private key (PEM). */
  readonly secret: string;
  /** The exact bytes sent. */
  readonly body: Buffer;
  /** The event type, for providers that send it in a header. */
  readonly type?: string;
  /** The URL the provider calls (the endpoint's `publicUrl`), for schemes that sign it. */
  readonly url?: string;
  /** When the provider signs. */
  readonly now: Date;
  /** The endpoint's `options`, as in the gateway's config. */
  readonly options: Readonly<Record<string, unknown>>;
  /** The media type sent. */
  readonly contentType: string;
  /** The provider's delivery id, for providers that send it in a header. */
  readonly id: string;
}

export interface SignOutput {
  readonly headers: Record<string, string>;
  /** Query parameters the provider adds to the URL it calls (ASP.NET's `?code=`). */
  readonly query?: Record<string, string>;
  /** A replacement body, for providers that wrap the payload (Braintree, AWS SNS). */
  readonly body?: Buffer;
}

export interface Signer {
  /** The media type sent when the caller names none. */
  readonly contentType: string;
  /** What `secret` means for this provider, for the docs and error messages. */
  readonly secretMeans: string;
  /** The event type sent when the caller names none, for providers with a type header. */
  readonly defaultType?: string;
  /** The header that carries the event type, for providers that send it in one. */
  readonly typeHeader?: string;
  /** The header that carries the delivery id, for providers that send it in one. */
  readonly idHeader?: string;
  /** Fills what the provider writes into the payload when it sends it (a signed timestamp). */
  preparePayload?(payload: unknown, now: Date): unknown;
  /** Turns a payload object into the body (JSON unless the provider posts a form). */
  encode?(payload: unknown): Buffer;
  sign(input: SignInput): SignOutput;
}

/** Raised for a call the kit cannot sign: a one-line message, never holding the secret. */
export class SignWebhookError extends Error {
  override readonly name = 'SignWebhookError';
}

export function requireUrl(input: SignInput, provider: string): string {
  if (!input.url) {
    throw new SignWebhookError(
      `${provider} signs the URL it calls: pass url (the endpoint's publicUrl).`,
    );
  }
  return input.url;
}
