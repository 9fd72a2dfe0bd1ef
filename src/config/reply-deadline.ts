import type { Receiver } from '../receivers/receiver';

/**
 * Kept from the provider's timeout for the network and for writing the answer: a reply handler
 * must be done by `ackDeadlineMs` less this.
 */
export const REPLY_MARGIN_MS = 500;
/** A reply handler's deadline where the provider publishes no timeout (Telegram, `hmac`, ...). */
export const DEFAULT_REPLY_DEADLINE_MS = 10_000;
/** The longest deadline an endpoint may set where the provider publishes no timeout. */
export const MAX_REPLY_DEADLINE_MS = 60_000;

/** The longest deadline an endpoint of this receiver may give its reply handler. */
export function maxReplyDeadlineMs(receiver: Receiver<unknown>): number {
  return receiver.ackDeadlineMs !== undefined
    ? receiver.ackDeadlineMs - REPLY_MARGIN_MS
    : MAX_REPLY_DEADLINE_MS;
}

/**
 * How long a reply handler of an endpoint has, from the request's arrival: the endpoint's
 * `replyDeadlineMs`, or the provider's timeout less the margin. Undefined for a receiver that
 * takes no replies.
 */
export function replyDeadlineMs(
  receiver: Receiver<unknown>,
  configured: number | undefined,
): number | undefined {
  if (!receiver.reply) return undefined;
  if (configured !== undefined) return configured;
  return receiver.ackDeadlineMs !== undefined
    ? receiver.ackDeadlineMs - REPLY_MARGIN_MS
    : DEFAULT_REPLY_DEADLINE_MS;
}

/** What is wrong with an endpoint's `replyDeadlineMs`, for the config loader; undefined if fine. */
export function replyDeadlineProblem(
  receiver: Receiver<unknown>,
  configured: number | undefined,
): string | undefined {
  if (configured === undefined) return undefined;
  if (!receiver.reply) {
    return `replyDeadlineMs is set, but ${receiver.name} does not read the HTTP answer, so it has no reply handlers. Remove it.`;
  }
  const max = maxReplyDeadlineMs(receiver);
  if (configured <= max) return undefined;
  const why =
    receiver.ackDeadlineMs !== undefined
      ? `${receiver.name} waits ${receiver.ackDeadlineMs} ms for an answer, and ${REPLY_MARGIN_MS} ms are kept for the network`
      : `${receiver.name} publishes no timeout, and ${MAX_REPLY_DEADLINE_MS} ms is the longest allowed`;
  return `replyDeadlineMs (${configured}) must be at most ${max}: ${why}.`;
}
