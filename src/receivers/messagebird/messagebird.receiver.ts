import type { Receiver } from '../receiver';
import { rejectUnknownOptions } from '../shared/options';
import { normalizeMessageBirdEvent, parseMessageBirdBody } from './messagebird.events';
import { MESSAGEBIRD_SIGNATURE_HEADER, verifyMessageBirdRequest } from './messagebird.verify';

/** MessageBird endpoints take no options: the URL signed is the endpoint's publicUrl. */
export type MessageBirdOptions = Readonly<Record<string, never>>;

/**
 * MessageBird (Bird) webhooks signed with a `MessageBird-Signature-JWT` header
 * (developers.messagebird.com/docs/verify-http-requests; messagebird-nodejs
 * lib/webhook-signature-jwt.js). The secret is the signing key from the dashboard. No
 * acknowledgement deadline is published, so none is declared.
 */
export const messagebirdReceiver: Receiver<MessageBirdOptions> = {
  name: 'messagebird',
  contentTypes: ['application/json'],
  profile: { schemes: ['jwt'], handshakes: [], signsTimestamp: true },
  parseOptions(options) {
    rejectUnknownOptions(
      options,
      'MessageBird',
      [],
      'put the webhook URL as configured in MessageBird in publicUrl',
    );
    return {};
  },

  verify(req, { secrets, now }) {
    return verifyMessageBirdRequest(
      { token: req.headers[MESSAGEBIRD_SIGNATURE_HEADER], url: req.url, body: req.rawBody },
      secrets,
      now,
    );
  },

  parse: parseMessageBirdBody,
  normalize: normalizeMessageBirdEvent,
};
