import type { Receiver } from '../receiver';
import { checkBasicSecret, verifyBasicCredentials } from '../shared/basic-credentials';
import { parseJsonObject } from '../shared/body';
import { rejectUnknownOptions } from '../shared/options';
import { normalizePostmarkRecord } from './postmark.events';

/**
 * Postmark webhooks. Postmark signs nothing; its webhooks page recommends HTTP Basic credentials
 * in the webhook URL (`https://user:password@host/…`), which it sends as `Authorization: Basic`
 * (postmarkapp.com/developer/webhooks/webhooks-overview, "Protecting your webhooks"). Each
 * secret is `user:password`, checked as for `azure-devops` (shared/basic-credentials.ts).
 */
export const postmarkReceiver: Receiver<Record<string, never>> = {
  name: 'postmark',
  contentTypes: ['application/json'],

  parseOptions(options) {
    rejectUnknownOptions(options, 'Postmark', [], 'the credentials go in secrets as user:password');
    return {};
  },
  checkSecret: checkBasicSecret,

  verify: (req, { secrets }) => verifyBasicCredentials(req, secrets),
  parse: (req) => parseJsonObject(req.rawBody),
  normalize: normalizePostmarkRecord,
};
