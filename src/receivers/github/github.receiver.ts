import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, Receiver, VerifyResult } from '../receiver';
import { parseFormBody, parseJsonBody } from '../shared/body';
import { rejectUnknownOptions } from '../shared/options';
import { checkSecretRules } from '../shared/secret-rules';
import { matchedOr, refuse } from '../shared/refusal';
import { normalizeGithubEvent } from './github.events';
import { GITHUB_SECRET_RULES } from './github.secret';
import { verifyGithubSignature } from './github.signature';

export interface GithubOptions {
  /** Accept the legacy SHA-1 `X-Hub-Signature` when no SHA-256 header is sent. Default false. */
  readonly allowSha1: boolean;
}

const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

export const githubReceiver: Receiver<GithubOptions> = {
  name: 'github',
  contentTypes: [JSON_TYPE, FORM_TYPE],
  profile: { schemes: ['hmac'], handshakes: [], signsTimestamp: false },
  ackDeadlineMs: 10_000,

  checkSecret: (secret) => checkSecretRules(GITHUB_SECRET_RULES, secret),

  parseOptions(options) {
    rejectUnknownOptions(options, 'GitHub', ['allowSha1']);
    const allowSha1 = options?.allowSha1 ?? false;
    if (typeof allowSha1 !== 'boolean') throw new Error('options.allowSha1 must be true or false');
    return { allowSha1 };
  },

  verify(req, { secrets, options }): VerifyResult {
    const sha256 = req.headers['x-hub-signature-256'];
    const sha1 = req.headers['x-hub-signature'];
    let secretIndex: number;
    if (sha256) {
      secretIndex = verifyGithubSignature(sha256, req.rawBody, secrets, 'sha256');
    } else if (sha1 && options.allowSha1) {
      secretIndex = verifyGithubSignature(sha1, req.rawBody, secrets, 'sha1');
    } else {
      const hint = sha1
        ? ' (SHA-1 X-Hub-Signature is off; set options.allowSha1 to accept it)'
        : '';
      return refuse(`X-Hub-Signature-256 is missing${hint}.`);
    }
    return matchedOr(
      secretIndex,
      'The signature does not match the body under any configured secret.',
    );
  },

  parse(req: IncomingWebhook) {
    if (req.contentType !== FORM_TYPE) return parseJsonBody(req.rawBody);
    // Form mode: one field `payload` holding the JSON; the signature covered the encoded form.
    const payload = parseFormBody(req.rawBody).payload;
    if (payload === undefined) throw new MalformedBodyError('the form has no "payload" field');
    return parseJsonBody(Buffer.from(payload, 'utf8'));
  },

  normalize: normalizeGithubEvent,
};
