import type { IncomingWebhook, NormalizedEvent } from '../../receiver';
import type { FieldSource } from '../hmac/descriptor';

/**
 * What `codeReceiver` turns into a `Receiver`: a provider that signs nothing and is
 * authenticated by the secret in its URL's `?code=` (code-secret.ts), described as data.
 * A `path` is a dot path into a JSON body (`context.name`), or a form field's name as sent
 * (`type`, `data[email]`) for form bodies.
 */
export interface CodeDescriptor {
  /** The path segment and `event.provider`, e.g. `mailchimp`. */
  readonly name: string;
  /** How the provider is named in messages (`options.x is not a Mailchimp option`). */
  readonly title: string;
  readonly aliases?: readonly string[];
  /** Media types accepted on POST (lower-case, without parameters). */
  readonly contentTypes: readonly string[];
  /** A JSON object, or an HTML form (`application/x-www-form-urlencoded`, last value wins). */
  readonly body: 'json' | 'form';
  readonly ackDeadlineMs?: number;

  /** The event type: a header, a body path, or one fixed type. Required unless `normalize`. */
  readonly type?: FieldSource | { readonly fixed: string };
  /**
   * The delivery id (the de-duplication key): the first of these fields that is present, or,
   * when the provider sends no id, a SHA-256 over the documented identifying body fields.
   */
  readonly id?: readonly FieldSource[] | { readonly hashOf: readonly string[] };
  /** When the event happened; kept only when it is an ISO-8601 instant with a zone. */
  readonly occurredAt?: FieldSource;

  /** `GET` is the provider's URL check: answered 200 once the code matched (Mailchimp). */
  readonly getValidator?: boolean;
  /** A test delivery answered 200 once the code matched, never stored (MyGet's ping). */
  readonly ping?: { readonly path: string; readonly value: string };
  /** Replaces `type`, `id` and `occurredAt`, for a payload that comes in several shapes. */
  readonly normalize?: (req: IncomingWebhook, payload: unknown) => NormalizedEvent;
}
