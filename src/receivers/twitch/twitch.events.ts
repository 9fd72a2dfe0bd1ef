import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { isoInstant } from '../shared/code/fields';
import { readPath } from '../shared/hmac/fields';

/**
 * A Twitch EventSub message (dev.twitch.tv/docs/eventsub/handling-webhook-events), by
 * `Twitch-Eventsub-Message-Type`:
 * - `notification`: type = the subscription type (`channel.follow`), from
 *   `Twitch-Eventsub-Subscription-Type`, else the body's `subscription.type`.
 * - `revocation`: Twitch stopped the subscription (`authorization_revoked`,
 *   `notification_failures_exceeded`, …). Operators must learn of it, so it is stored, typed
 *   `revocation.<subscription type>` so that no handler of the notifications gets it.
 * (`webhook_callback_verification` never gets here: it is a signed handshake.)
 * The id is `Twitch-Eventsub-Message-Id`, the same on a resend; occurredAt is the message's
 * timestamp.
 */
export function normalizeTwitchMessage(req: IncomingWebhook, payload: unknown): NormalizedEvent {
  const kind = req.headers['twitch-eventsub-message-type'];
  const subscriptionType =
    req.headers['twitch-eventsub-subscription-type'] || readPath(payload, 'subscription.type');
  if (!subscriptionType) {
    throw new MalformedBodyError('the subscription type is missing (header and body)');
  }
  if (kind !== 'notification' && kind !== 'revocation') {
    throw new MalformedBodyError(
      `Twitch-Eventsub-Message-Type must be notification, revocation or webhook_callback_verification`,
    );
  }
  const type = kind === 'revocation' ? `revocation.${subscriptionType}` : subscriptionType;
  const providerDeliveryId = req.headers['twitch-eventsub-message-id'];
  const occurredAt = isoInstant(req.headers['twitch-eventsub-message-timestamp']);
  return {
    type,
    ...(providerDeliveryId && { providerDeliveryId }),
    ...(occurredAt && { occurredAt }),
  };
}
