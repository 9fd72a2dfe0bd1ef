import { rejectUnknownOptions } from '../shared/options';
import type { Receiver, VerifyResult } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { normalizeBitbucketEvent } from './bitbucket.events';
import { verifyBitbucketSignature } from './bitbucket.signature';

export type BitbucketOptions = Record<string, never>;

export const bitbucketReceiver: Receiver<BitbucketOptions> = {
  name: 'bitbucket',
  contentTypes: ['application/json'],
  // Bitbucket Cloud times a request out after 10 s (and resends on 5xx, twice).
  ackDeadlineMs: 10_000,

  parseOptions(options) {
    rejectUnknownOptions(options, 'Bitbucket', []);
    return {};
  },

  verify(req, { secrets }): VerifyResult {
    const header = req.headers['x-hub-signature'];
    if (!header) {
      return {
        ok: false,
        reason: 'signature',
        message: 'X-Hub-Signature is missing: set a secret on the Bitbucket webhook.',
      };
    }
    const secretIndex = verifyBitbucketSignature(header, req.rawBody, secrets);
    return secretIndex >= 0
      ? { ok: true, secretIndex }
      : {
          ok: false,
          reason: 'signature',
          message: 'The signature does not match the body under any configured secret.',
        };
  },

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeBitbucketEvent,
};
