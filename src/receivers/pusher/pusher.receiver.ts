import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { rejectUnknownOptions } from '../shared/options';
import { normalizePusherEvent } from './pusher.events';
import { verifyPusher } from './pusher.signature';

/** Pusher endpoints take no options: the app secrets (or key:secret pairs) are the secrets. */
export type PusherOptions = Readonly<Record<string, never>>;

/**
 * Pusher Channels webhooks (channel existence, presence, client events), JSON signed with the
 * app secret that X-Pusher-Key names.
 */
export const pusherReceiver: Receiver<PusherOptions> = {
  name: 'pusher',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac'], handshakes: [], signsTimestamp: false },
  // Pusher wants a 2xx within 4 s and retries with backoff for 5 minutes:
  // https://docs.bird.com/pusher/channels/channels/webhooks/channels-webhook-timeouts-and-retries
  ackDeadlineMs: 4_000,

  parseOptions(options) {
    rejectUnknownOptions(
      options,
      'Pusher',
      [],
      'put the app secret, or "<app key>:<app secret>", in secrets',
    );
    return {};
  },

  verify: (req, { secrets }) =>
    verifyPusher(
      {
        appKey: req.headers['x-pusher-key'],
        signature: req.headers['x-pusher-signature'],
        body: req.rawBody,
      },
      secrets,
    ),

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: (_req, payload) => normalizePusherEvent(payload as Record<string, unknown>),
};
