import type { Receiver } from '../receiver';
import { timeoutFetcher, type Fetcher } from '../shared/fetch/fetcher';
import { parseTravisPayload } from './travis-ci.delivery';
import { normalizeTravisBuild } from './travis-ci.events';
import { TravisKeySource } from './travis-ci.key-source';
import { parseTravisCiOptions, type TravisCiOptions } from './travis-ci.options';
import { checkPinnedPublicKey } from './travis-ci.public-key';
import { verifyTravisRequest } from './travis-ci.verify';

export interface TravisCiReceiverDeps {
  /** Reads the API's `/config`. Default: global fetch with a 5 s timeout. */
  readonly fetch?: Fetcher;
}

/**
 * Travis CI build webhooks: the `payload` form field signed with Travis's RSA key (SHA-1), the
 * public key read from the API's `/config` or pinned in `secrets`. The instance holds the key
 * cache, so one instance serves every Travis CI endpoint.
 */
export function createTravisCiReceiver(deps: TravisCiReceiverDeps = {}): Receiver<TravisCiOptions> {
  const keys = new TravisKeySource(deps.fetch ?? timeoutFetcher());

  return {
    name: 'travis-ci',
    contentTypes: ['application/x-www-form-urlencoded'],
    profile: { schemes: ['rsa-cert'], handshakes: [], signsTimestamp: false },
    // travis-tasks posts with its task timeout, 60 s by default (lib/travis/task.rb
    // DEFAULT_TIMEOUT), and never retries a webhook: errors are logged per target
    // (lib/travis/addons/webhook/task.rb).
    ackDeadlineMs: 60_000,
    // The key is Travis's public key from /config; `secrets` may pin it (then nothing is fetched).
    requiresSecret: false,
    checkSecret: checkPinnedPublicKey,
    parseOptions: parseTravisCiOptions,

    verify: (req, { options, secrets, now }) =>
      verifyTravisRequest(keys, req, options, secrets, now),

    parse: (req) => parseTravisPayload(req.rawBody),

    normalize: normalizeTravisBuild,
  };
}

export const travisCiReceiver = createTravisCiReceiver();
