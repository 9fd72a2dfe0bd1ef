import type { Receiver } from '../receiver';
import { refuse } from '../shared/refusal';
import { formParams, type FormParams } from '../shared/sorted-params';
import { acknowledgePlivo } from './plivo.acknowledge';
import { normalizePlivoEvent, parsePlivoBody, PLIVO_FORM_TYPE } from './plivo.events';
import { parsePlivoOptions, type PlivoOptions } from './plivo.options';
import { plivoReply } from './plivo.replies';
import { verifyPlivoRequest } from './plivo.verify';

/**
 * Plivo: voice (answer, hangup, action, callback URLs) and messaging callbacks, POSTed as forms.
 * Plivo waits 40 s by default for an answer (read timeout `rt`) and retries once on connection
 * failures and read timeouts (https://www.plivo.com/docs/voice/concepts/callback-configurations/).
 */
export const plivoReceiver: Receiver<PlivoOptions> = {
  name: 'plivo',
  contentTypes: [PLIVO_FORM_TYPE],
  profile: { schemes: ['hmac-params', 'hmac-url'], handshakes: [], signsTimestamp: false },
  ackDeadlineMs: 40_000,
  parseOptions: parsePlivoOptions,

  verify(req, { secrets, options }) {
    // V3 signs decoded values, so the form has to be decoded before it can be checked.
    const params = decodeOrUndefined(req.rawBody);
    if (!params) return refuse('The form is not valid UTF-8, so Plivo cannot have signed it.');
    return verifyPlivoRequest({ url: req.url, headers: req.headers, params }, secrets, options);
  },

  parse: parsePlivoBody,
  normalize: normalizePlivoEvent,
  acknowledge: acknowledgePlivo,
  reply: plivoReply,
};

function decodeOrUndefined(raw: Buffer): FormParams | undefined {
  try {
    return formParams(raw);
  } catch {
    return undefined;
  }
}
