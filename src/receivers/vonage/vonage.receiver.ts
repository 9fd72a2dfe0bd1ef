import type { Receiver } from '../receiver';
import { normalizeVonageEvent, parseVonageBody } from './vonage.events';
import { verifyVonageJwt } from './vonage.jwt';
import { parseVonageOptions, type VonageOptions } from './vonage.options';
import { FORM_TYPE } from './vonage.sms-params';
import { verifyVonageSms } from './vonage.sms';

/**
 * Vonage: Messages and Voice signed webhooks (a JWT in `Authorization`, the default) or the SMS
 * API's `sig` parameter (`options.signature: sms-...`). The secret is the account's signature
 * secret. The bearer JWT is a credential that verifies until its `iat` leaves the window, so
 * `Authorization` is never stored. Vonage waits 5 s for an answer (Voice troubleshooting guide,
 * developer.vonage.com/en/voice/voice-api/guides/troubleshooting) and resends an SMS webhook
 * that got no 200 or 204 for 24 hours (developer.vonage.com/en/messaging/sms/guides/inbound-sms).
 */
export const vonageReceiver: Receiver<VonageOptions> = {
  name: 'vonage',
  contentTypes: ['application/json', FORM_TYPE],
  profile: { schemes: ['jwt', 'hmac-params'], handshakes: [], signsTimestamp: true },
  ackDeadlineMs: 5_000,
  secretHeaders: ['authorization'],
  parseOptions: parseVonageOptions,

  verify(req, { secrets, options, now }) {
    return options.signature === 'jwt'
      ? verifyVonageJwt(req, secrets, options.toleranceSeconds, now)
      : verifyVonageSms(req, secrets, options.signature, options.toleranceSeconds, now);
  },

  parse: parseVonageBody,
  normalize: normalizeVonageEvent,
};
