import type { HmacDescriptor, HmacOptions } from '../shared/hmac/descriptor';
import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import { normalizeTwitchMessage } from './twitch.events';

/**
 * Twitch EventSub webhooks (dev.twitch.tv/docs/eventsub/handling-webhook-events, "Verifying the
 * event message"): `Twitch-Eventsub-Message-Signature: sha256=<hex HMAC-SHA256(secret,
 * message id + timestamp + body)>`, the timestamp being the RFC 3339 header value as sent.
 * Twitch asks to drop messages older than 10 minutes; the window is ±600 s. The subscription's
 * `webhook_callback_verification` is signed too and answered with its `challenge` as
 * text/plain (`text-challenge`). Twitch expects a 2xx "within a few seconds", and revokes a
 * subscription whose deliveries keep failing (`notification_failures_exceeded`).
 */
export const twitchDescriptor: HmacDescriptor = {
  name: 'twitch',
  title: 'Twitch',
  algorithm: 'sha256',
  signature: {
    headers: ['Twitch-Eventsub-Message-Signature'],
    encoding: 'hex',
    prefix: 'sha256=',
  },
  signedContent: '{id}{timestamp}{body}',
  id: { header: 'Twitch-Eventsub-Message-Id' },
  timestamp: {
    header: 'Twitch-Eventsub-Message-Timestamp',
    unit: 'iso8601',
    toleranceSeconds: 600,
  },
  signedHandshake: {
    kind: 'text-challenge',
    when: { header: 'Twitch-Eventsub-Message-Type' },
    equals: 'webhook_callback_verification',
    challenge: 'challenge',
  },
  normalize: normalizeTwitchMessage,
};

export type TwitchOptions = HmacOptions;
export const twitchReceiver = hmacReceiver(twitchDescriptor);
