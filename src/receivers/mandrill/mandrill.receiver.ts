import type { Receiver } from '../receiver';
import { answerHandshake, type Handshake } from '../shared/hmac/handshakes';
import { rejectUnknownOptions } from '../shared/options';
import { refuse } from '../shared/refusal';
import { formParams, type FormParams } from '../shared/sorted-params';
import {
  MANDRILL_FORM_TYPE,
  normalizeMandrillEvent,
  parseMandrillBody,
  type MandrillPayload,
} from './mandrill.events';
import { verifyMandrill } from './mandrill.signature';

/** Mandrill endpoints take no options: the URL signed is the endpoint's publicUrl. */
export type MandrillOptions = Readonly<Record<string, never>>;

/**
 * Adding a webhook sends a HEAD, which must answer 200; only if it does not does Mandrill
 * fall back to a POST of an empty batch signed with the key `test-webhook`
 * (https://mandrill.zendesk.com/hc/en-us/articles/360038740014-Why-can-t-my-webhook-or-inbound-route-URL-be-verified).
 */
const HEAD_CHECK: Handshake = { kind: 'plain-200', method: 'HEAD' };

/** Mandrill (Mailchimp Transactional): message, sync and inbound webhooks, batched in a form. */
export const mandrillReceiver: Receiver<MandrillOptions> = {
  name: 'mandrill',
  contentTypes: [MANDRILL_FORM_TYPE],
  profile: { schemes: ['hmac-params'], handshakes: ['plain-200'], signsTimestamp: false },
  methods: ['HEAD', 'POST'],

  parseOptions(options) {
    rejectUnknownOptions(
      options,
      'Mandrill',
      [],
      'put the webhook URL as entered in Mandrill in publicUrl',
    );
    return {};
  },

  handshakeBeforeVerify: (req, { options }) => answerHandshake(HEAD_CHECK, req, options),

  verify(req, { secrets }) {
    // Mandrill signs decoded values, so the form has to be decoded before it can be checked.
    const params = decodeOrUndefined(req.rawBody);
    if (!params) return refuse('The form is not valid UTF-8, so Mandrill cannot have signed it.');
    return verifyMandrill(
      { signature: req.headers['x-mandrill-signature'], url: req.url, params },
      secrets,
    );
  },

  parse: parseMandrillBody,

  // An empty batch is Mandrill checking the URL (the POST fallback): answered, never stored.
  handshakeAfterVerify: (_req, payload) =>
    (payload as MandrillPayload).mandrill_events.length === 0 ? { status: 200 } : undefined,

  normalize: normalizeMandrillEvent,
};

function decodeOrUndefined(raw: Buffer): FormParams | undefined {
  try {
    return formParams(raw);
  } catch {
    return undefined;
  }
}
