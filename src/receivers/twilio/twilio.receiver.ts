import type { Receiver } from '../receiver';
import { refuse } from '../shared/refusal';
import { acknowledgeTwilio } from './twilio.acknowledge';
import { normalizeTwilioEvent, parseTwilioBody, TWILIO_FORM_TYPE } from './twilio.events';
import { parseTwilioOptions, type TwilioOptions } from './twilio.options';
import { twilioFormParams, type TwilioParams } from './twilio.params';
import { twilioReply } from './twilio.replies';
import { verifyTwilioRequest } from './twilio.verify';

/** Twilio: messaging and voice webhooks (forms) and the newer JSON bodies signed via bodySHA256. */
export const twilioReceiver: Receiver<TwilioOptions> = {
  name: 'twilio',
  contentTypes: [TWILIO_FORM_TYPE, 'application/json'],
  profile: { schemes: ['hmac-params'], handshakes: [], signsTimestamp: false },
  ackDeadlineMs: 15_000,
  parseOptions: parseTwilioOptions,

  verify(req, { secrets }) {
    const signature = req.headers['x-twilio-signature'];
    if (req.contentType === TWILIO_FORM_TYPE) {
      // Twilio signs decoded values, so this form has to be decoded before it can be checked.
      const params = decodeOrUndefined(req.rawBody);
      if (!params) return refuse('The form is not valid UTF-8, so Twilio cannot have signed it.');
      return verifyTwilioRequest({ mode: 'form', signature, url: req.url, params }, secrets);
    }
    return verifyTwilioRequest(
      { mode: 'json', signature, url: req.url, query: req.query, body: req.rawBody },
      secrets,
    );
  },

  parse: parseTwilioBody,
  normalize: normalizeTwilioEvent,
  acknowledge: acknowledgeTwilio,
  reply: twilioReply,
};

function decodeOrUndefined(raw: Buffer): TwilioParams | undefined {
  try {
    return twilioFormParams(raw);
  } catch {
    return undefined;
  }
}
