import type { Receiver } from '../receiver';
import {
  mailgunReplayToken,
  normalizeMailgunEvent,
  parseMailgunBody,
  readMailgunSignature,
} from './mailgun.events';
import { parseMailgunOptions, type MailgunOptions } from './mailgun.options';
import { verifyMailgunSignature } from './mailgun.signature';

/**
 * Mailgun event webhooks (JSON). The signature is inside the body and covers only its timestamp
 * and token, so each token is claimed once per endpoint in the store (`replayToken`).
 */
export const mailgunReceiver: Receiver<MailgunOptions> = {
  name: 'mailgun',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac-fields'], handshakes: [], signsTimestamp: true },
  parseOptions: parseMailgunOptions,

  verify(req, { secrets, options, now }) {
    const signed = readMailgunSignature(req.rawBody);
    return verifyMailgunSignature(signed, secrets, now, options.toleranceSeconds);
  },

  parse: parseMailgunBody,
  replayToken: mailgunReplayToken,
  normalize: normalizeMailgunEvent,
};
