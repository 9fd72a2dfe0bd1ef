import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { rejectUnknownOptions } from '../shared/options';
import { textAcknowledgement } from '../shared/text-acknowledgement';
import { normalizeAdyenNotification } from './adyen.events';
import { checkAdyenSecret } from './adyen.secrets';
import { verifyAdyen } from './adyen.verify';

/** Adyen endpoints take no options: the HMAC key(s) and Basic credentials are secrets. */
export type AdyenOptions = Readonly<Record<string, never>>;

/**
 * Adyen standard (payments) webhooks in JSON: each item signed with HMAC-SHA256 over chosen
 * fields (adyen.signature.ts), optionally with Basic authentication, answered `[accepted]`.
 */
export const adyenReceiver: Receiver<AdyenOptions> = {
  name: 'adyen',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac-fields', 'basic'], handshakes: [], signsTimestamp: false },
  // Adyen waits 10 s for an answer, then queues the webhook for retries over 30 days
  // (docs.adyen.com/development-resources/webhooks/troubleshoot, "Retry queue").
  ackDeadlineMs: 10_000,
  secretHeaders: ['authorization'],

  parseOptions(options) {
    rejectUnknownOptions(
      options,
      'Adyen',
      [],
      'put the HMAC key, and user:password for Basic authentication, in secrets',
    );
    return {};
  },

  checkSecret: checkAdyenSecret,
  verify: (req, { secrets }) => verifyAdyen(req, secrets),
  parse: (req) => parseJsonObject(req.rawBody),
  normalize: (_req, payload) => normalizeAdyenNotification(payload),
  // Adyen's NotificationResponse: "[accepted]" acknowledges the notification.
  acknowledge: textAcknowledgement('[accepted]'),
};
