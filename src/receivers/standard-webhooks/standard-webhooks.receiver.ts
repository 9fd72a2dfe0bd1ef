import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { normalizeStandardWebhook } from './standard-webhooks.events';
import { readStandardWebhookHeaders } from './standard-webhooks.headers';
import { checkStandardWebhooksSecret } from './standard-webhooks.secret';
import {
  parseTimestampWindowOptions,
  type TimestampWindowOptions,
} from './standard-webhooks.options';
import { verifyStandardWebhook } from './standard-webhooks.signature';

/** Any Standard Webhooks sender, and Svix-based ones (`svix-*` headers) under the alias `svix`. */
export const standardWebhooksReceiver: Receiver<TimestampWindowOptions> = {
  name: 'standard-webhooks',
  aliases: ['svix'],
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac'], handshakes: [], signsTimestamp: true },
  // The spec recommends senders wait 15 to 30 s; answer within the lower bound.
  ackDeadlineMs: 15_000,

  checkSecret: checkStandardWebhooksSecret,
  parseOptions: parseTimestampWindowOptions,

  verify(req, { secrets, options, now }) {
    return verifyStandardWebhook(
      readStandardWebhookHeaders(req.headers),
      req.rawBody,
      secrets,
      now,
      options.toleranceSeconds,
    );
  },

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeStandardWebhook,
};
