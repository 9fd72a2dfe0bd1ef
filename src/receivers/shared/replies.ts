import type { WebhookResponse } from '../receiver';

/** What a provider reads as a reply (see replyFormatter). */
export interface ReplyForm {
  /** The provider's name, for the error message. */
  readonly title: string;
  /** The media type a returned string is sent as; absent when a string is not a reply. */
  readonly text?: string;
  /** Whether a returned object (or array) is sent as JSON. */
  readonly json?: boolean;
  /** What a reply handler should return, for the error message. */
  readonly expects: string;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * A receiver's `reply`: a reply handler's return value in the provider's natural form as the
 * HTTP answer (200), or an Error that says what the provider reads instead.
 */
export function replyFormatter(form: ReplyForm): (value: unknown) => WebhookResponse {
  return (value) => {
    if (typeof value === 'string' && form.text) {
      return { status: 200, headers: { 'content-type': form.text }, body: value };
    }
    if (form.json && typeof value === 'object' && value !== null && !Buffer.isBuffer(value)) {
      return { status: 200, headers: { 'content-type': JSON_TYPE }, body: value };
    }
    const got = value === null ? 'null' : Buffer.isBuffer(value) ? 'a Buffer' : typeof value;
    throw new Error(
      `${form.title} reads ${form.expects} as the answer, but the reply handler returned ${got}. ` +
        'Return that, or webhookReply(body, { status, headers }) for full control.',
    );
  };
}

/** `hmac`, `token`, `basic`: whatever the sender reads, as text or JSON. */
export const genericReply = replyFormatter({
  title: 'The sender',
  text: 'text/plain; charset=utf-8',
  json: true,
  expects: 'a string or a JSON object',
});
