import type { Receiver } from '../receiver';
import { checkBasicSecret, verifyBasicCredentials } from '../shared/basic-credentials';
import { parseJsonObject } from '../shared/body';
import { rejectUnknownOptions } from '../shared/options';
import { normalizeChargebeeEvent } from './chargebee.events';

/**
 * Chargebee webhooks. Chargebee signs nothing: the webhook's "Protect webhook URL with basic
 * authentication" user name and password are sent as HTTP Basic credentials, which is what
 * chargebee-node checks (`src/resources/webhook/auth.ts`, `basicAuthValidator`). Each secret is
 * `user:password`, checked as for `azure-devops` (shared/basic-credentials.ts). Only a 200
 * counts; a failed event is resent up to 7 times over about 3.5 days (support.chargebee.com
 * article 257941).
 */
export const chargebeeReceiver: Receiver<Record<string, never>> = {
  name: 'chargebee',
  contentTypes: ['application/json'],

  parseOptions(options) {
    rejectUnknownOptions(
      options,
      'Chargebee',
      [],
      'the credentials go in secrets as user:password',
    );
    return {};
  },
  checkSecret: checkBasicSecret,

  verify: (req, { secrets }) => verifyBasicCredentials(req, secrets),
  parse: (req) => parseJsonObject(req.rawBody),
  normalize: normalizeChargebeeEvent,
};
