import { validateHeaderName, validateHeaderValue } from 'node:http';
import type { Receiver, WebhookResponse } from '../../receivers/receiver';
import type { StoredReply } from '../../store/model';
import { isWebhookReply } from './webhook-reply';

/** Replies are stored and sent again to retries: a bound keeps a runaway one out of the store. */
export const MAX_REPLY_BYTES = 1024 * 1024;

/** Headers the gateway or Node writes: a reply that sets them would send a broken answer. */
const RESERVED = /^(content-length|transfer-encoding|connection|keep-alive|upgrade|x-hookgate-.*)$/;

/**
 * A reply handler's return value as the answer to store and send, or undefined when it returned
 * nothing (the provider then gets the receiver's acknowledgement). Throws, failing the reply
 * run, when the value is not a reply the provider reads or the answer could not be sent.
 */
export function formatReply(receiver: Receiver<unknown>, value: unknown): StoredReply | undefined {
  if (value === undefined || value === null) return undefined;
  if (!receiver.reply) throw new Error(`${receiver.name} does not read replies.`);
  return toStoredReply(isWebhookReply(value) ? value : receiver.reply(value));
}

function toStoredReply(answer: WebhookResponse): StoredReply {
  const { status } = answer;
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new Error(`A reply's status must be a whole number from 200 to 599, not ${status}.`);
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    // Node's own checks, which would otherwise throw while the answer is written.
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const lower = name.toLowerCase();
    if (RESERVED.test(lower)) throw new Error(`A reply may not set the ${lower} header.`);
    headers[lower] = String(value);
  }
  const body = bodyBytes(answer.body, headers);
  if (body.length > MAX_REPLY_BYTES) {
    throw new Error(`The reply is ${body.length} bytes; at most ${MAX_REPLY_BYTES} are sent.`);
  }
  return { status, headers, body };
}

/** The body's bytes; a content-type for them when the reply names none. */
function bodyBytes(body: WebhookResponse['body'], headers: Record<string, string>): Buffer {
  if (body === undefined) return Buffer.alloc(0);
  if (Buffer.isBuffer(body)) {
    headers['content-type'] ??= 'application/octet-stream';
    return body;
  }
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain; charset=utf-8';
    return Buffer.from(body, 'utf8');
  }
  headers['content-type'] ??= 'application/json; charset=utf-8';
  return Buffer.from(JSON.stringify(body), 'utf8');
}

/** A stored reply as the edge sends it, with the gateway's delivery id and duplicate flag. */
export function replyResponse(
  reply: StoredReply,
  stored: { id: string; duplicate: boolean },
): WebhookResponse {
  return {
    status: reply.status,
    headers: {
      ...reply.headers,
      'x-hookgate-delivery-id': stored.id,
      'x-hookgate-duplicate': String(stored.duplicate),
    },
    body: reply.body.length > 0 ? reply.body : undefined,
  };
}
