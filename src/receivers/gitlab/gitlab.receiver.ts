import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import {
  parseTimestampWindowOptions,
  type TimestampWindowOptions,
} from '../standard-webhooks/standard-webhooks.options';
import { normalizeGitlabEvent } from './gitlab.events';
import { verifyGitlab } from './gitlab.signature';

/**
 * `secrets`: the hook's secret token, or its signing token (`whsec_...`), or both while
 * switching. `toleranceSeconds` applies to the signing token's timestamp.
 */
export const gitlabReceiver: Receiver<TimestampWindowOptions> = {
  name: 'gitlab',
  contentTypes: ['application/json'],
  profile: { schemes: ['token', 'hmac'], handshakes: [], signsTimestamp: true },
  // GitLab.com gives a hook 10 s; self-managed instances may configure more.
  ackDeadlineMs: 10_000,
  // The plain token is a bearer secret: never store it.
  secretHeaders: ['x-gitlab-token'],

  parseOptions: parseTimestampWindowOptions,

  verify(req, { secrets, options, now }) {
    return verifyGitlab(req.headers, req.rawBody, secrets, now, options.toleranceSeconds);
  },

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeGitlabEvent,
};
