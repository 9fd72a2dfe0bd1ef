import { randomUUID } from 'node:crypto';
import { resolveProvider } from './providers';
import { samplePayload } from './samples';
import { SIGNERS } from './signers/registry';
import { SignWebhookError, type Signer } from './signers/signer';
import { jsonBody } from './signers/encoding';

export interface SignWebhookInput {
  /**
   * The endpoint's secret, as in its `secrets`. For the public-key providers the private key
   * (PEM) that pairs with the endpoint's public key or certificate: see docs/testing.md.
   */
  readonly secret: string;
  /** A value to send: JSON-encoded (or form-encoded where the provider posts forms); text as is. */
  readonly payload?: unknown;
  /** The exact bytes to send, instead of `payload`. */
  readonly body?: string | Buffer;
  /** The event type, for providers that send it in a header; also picks the sample. */
  readonly type?: string;
  /** The URL the provider calls: the endpoint's `publicUrl`, for schemes that sign it. */
  readonly url?: string;
  /** When the provider signs. Default: now. */
  readonly now?: Date;
  /** The endpoint's `options`, as in the config (the generic `hmac`, `token`, `basic`). */
  readonly options?: Readonly<Record<string, unknown>>;
  /** The media type to send. Default: the provider's own. */
  readonly contentType?: string;
  /** The delivery id, for providers that send one in a header. Default: a random UUID. */
  readonly id?: string;
}

export interface SignedWebhook {
  readonly method: 'POST';
  /** `url` with the query parameters the provider adds (`?code=`), when `url` was given. */
  readonly url?: string;
  /** Query parameters the provider adds to the URL it calls, to append yourself. */
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * A delivery signed exactly as `provider` signs it: POST it to the endpoint (at `url`) and the
 * gateway accepts it. Without `payload` or `body`, the provider's sample payload is sent.
 */
export function signWebhook(provider: string, input: SignWebhookInput): SignedWebhook {
  const name = resolveProvider(provider);
  const signer = SIGNERS.get(name);
  if (!signer) throw new SignWebhookError(`The testing kit cannot sign for ${name} yet.`);
  if (typeof input.secret !== 'string' || input.secret === '') {
    throw new SignWebhookError(`secret is required: ${signer.secretMeans}.`);
  }
  const now = input.now ?? new Date();
  const type = input.type ?? signer.defaultType;
  const body = bodyOf(name, signer, input, now);
  const contentType = input.contentType ?? signer.contentType;
  const signed = signer.sign({
    secret: input.secret,
    body,
    ...(type !== undefined && { type }),
    ...(input.url !== undefined && { url: input.url }),
    now,
    options: input.options ?? {},
    contentType,
    id: input.id ?? randomUUID(),
  });
  const query = signed.query ?? {};
  return {
    method: 'POST',
    ...(input.url !== undefined && { url: withQuery(input.url, query) }),
    query,
    headers: { 'content-type': contentType, ...signed.headers },
    body: signed.body ?? body,
  };
}

function bodyOf(name: string, signer: Signer, input: SignWebhookInput, now: Date): Buffer {
  if (input.body !== undefined) {
    if (input.payload !== undefined) throw new SignWebhookError('pass payload or body, not both.');
    return Buffer.isBuffer(input.body) ? input.body : Buffer.from(input.body, 'utf8');
  }
  let payload = input.payload ?? samplePayload(name, input.type ?? signer.defaultType);
  if (typeof payload === 'string') return Buffer.from(payload, 'utf8');
  if (Buffer.isBuffer(payload)) return payload;
  if (signer.preparePayload) payload = signer.preparePayload(payload, now);
  return signer.encode ? signer.encode(payload) : jsonBody(payload);
}

function withQuery(url: string, query: Readonly<Record<string, string>>): string {
  if (Object.keys(query).length === 0) return url;
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(query)) parsed.searchParams.set(name, value);
  return parsed.toString();
}
