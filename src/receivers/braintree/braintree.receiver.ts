import type { Receiver } from '../receiver';
import { parseFormBody } from '../shared/body';
import { rejectUnknownOptions } from '../shared/options';
import { answerBraintreeChallenge } from './braintree.challenge';
import {
  braintreePayloadXml,
  normalizeBraintreeNotification,
  parseBraintreeNotification,
  type BraintreeNotification,
} from './braintree.notification';
import { checkBraintreeSecret } from './braintree.secrets';
import { verifyBraintreeSignature } from './braintree.signature';

/** Braintree endpoints take no options: the key pairs are the secrets. */
export type BraintreeOptions = Readonly<Record<string, never>>;

/**
 * Braintree webhooks: a form of `bt_signature` and `bt_payload` (base64 XML), signed with the
 * gateway's private key (developer.paypal.com/braintree/docs/guides/webhooks/parse), and the
 * `bt_challenge` destination check.
 */
export const braintreeReceiver: Receiver<BraintreeOptions> = {
  name: 'braintree',
  contentTypes: ['application/x-www-form-urlencoded'],
  methods: ['GET', 'POST'],
  profile: { schemes: ['hmac-fields'], handshakes: ['hmac-challenge'], signsTimestamp: false },
  // "If a webhook takes longer than 30 seconds to respond, it is considered a timeout and
  // will be retried", hourly for up to 24 hours (the parse guide above).
  ackDeadlineMs: 30_000,

  parseOptions(options) {
    rejectUnknownOptions(options, 'Braintree', [], 'put "<public key>:<private key>" in secrets');
    return {};
  },

  checkSecret: checkBraintreeSecret,
  handshakeBeforeVerify: (req, { secrets }) => answerBraintreeChallenge(req, secrets),

  verify(req, { secrets }) {
    let form: Record<string, string>;
    try {
      form = parseFormBody(req.rawBody);
    } catch {
      return verifyBraintreeSignature(undefined, undefined, secrets);
    }
    return verifyBraintreeSignature(form.bt_signature, form.bt_payload, secrets);
  },

  parse: (req) => parseBraintreeNotification(req.rawBody),
  normalize: (req, payload) =>
    normalizeBraintreeNotification(
      payload as BraintreeNotification,
      braintreePayloadXml(req.rawBody),
    ),
};
