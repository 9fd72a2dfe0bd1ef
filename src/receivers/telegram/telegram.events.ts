import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { readPath } from '../shared/hmac/fields';

/**
 * A Telegram `Update` (core.telegram.org/bots/api#update): `update_id` plus "at most one of the
 * optional parameters", whose name is the kind of update (`message`, `callback_query`,
 * `my_chat_member`). That name is the type, so new kinds need no change here.
 * `update_id` is the delivery id: Telegram resends the same update, with its id, until a 2xx.
 */
export function normalizeTelegramUpdate(_req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const update = payload as Record<string, unknown>;
  const providerDeliveryId = readPath(update, 'update_id');
  if (!providerDeliveryId) throw new MalformedBodyError('the body has no "update_id"');
  const kinds = Object.keys(update).filter(
    (key) => key !== 'update_id' && update[key] !== null && typeof update[key] === 'object',
  );
  if (kinds.length !== 1) {
    throw new MalformedBodyError(
      `an update holds exactly one kind besides "update_id" (found ${kinds.length})`,
    );
  }
  return { type: kinds[0], providerDeliveryId };
}
