import { decodeJwt } from 'jose';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { parseJsonObject, stringAt } from '../shared/body';
import { MESSAGEBIRD_SIGNATURE_HEADER } from './messagebird.verify';

export const parseMessageBirdBody = (req: IncomingWebhook): unknown => parseJsonObject(req.rawBody);

/**
 * type: the Conversations API event name in `type` (`message.created`, `message.updated`,
 * `conversation.created`...), or `event` in the Bird-style `{ service, event, payload }` body.
 * Delivery id: a message event is the message's id and status (a status change is a new event,
 * a retry repeats both). Other events carry no id that survives a retry, so the id is the
 * token's `jti`: MessageBird's own replay key, which makes a replayed token a duplicate.
 * occurredAt: the message's `updatedDatetime` (else `createdDatetime`).
 */
export function normalizeMessageBirdEvent(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const type = stringAt(payload, 'type') ?? stringAt(payload, 'event');
  if (!type) throw new MalformedBodyError('the body has no "type" (or "event") naming the event');
  const messageId = stringAt(payload, 'message', 'id');
  const status = stringAt(payload, 'message', 'status');
  const providerDeliveryId =
    messageId && status
      ? `${messageId}:${status}`
      : tokenId(req.headers[MESSAGEBIRD_SIGNATURE_HEADER]);
  const time =
    stringAt(payload, 'message', 'updatedDatetime') ??
    stringAt(payload, 'message', 'createdDatetime');
  const occurredAt = time === undefined ? undefined : new Date(time);
  return {
    type,
    ...(providerDeliveryId !== undefined && { providerDeliveryId }),
    ...(occurredAt && !Number.isNaN(occurredAt.getTime()) && { occurredAt }),
  };
}

/** The `jti` of the (already verified) token. */
function tokenId(token: string | undefined): string | undefined {
  if (!token) return undefined;
  try {
    const { jti } = decodeJwt(token);
    return typeof jti === 'string' && jti !== '' ? jti : undefined;
  } catch {
    return undefined;
  }
}
