import type { Receiver } from '../receiver';
import { checkBasicSecret, verifyBasicCredentials } from '../shared/basic-credentials';
import { parseJsonObject } from '../shared/body';
import { genericReply } from '../shared/replies';
import {
  normalizeEventFields,
  parseEventFields,
  type EventFieldOptions,
} from '../shared/event-fields';
import { rejectUnknownOptions } from '../shared/options';

/**
 * `provider: basic`: HTTP Basic credentials, as a sender puts them in the URL it calls
 * (`https://user:password@host/...`). Each configured secret is `user:password`
 * (shared/basic-credentials.ts); one without a colon is refused at start-up. `Authorization`
 * is never stored nor logged, whatever the provider.
 */
export const basicReceiver: Receiver<EventFieldOptions> = {
  name: 'basic',
  contentTypes: ['application/json'],
  profile: { schemes: ['basic'], handshakes: [], signsTimestamp: false, configurable: true },

  parseOptions(options) {
    rejectUnknownOptions(options, 'basic', ['idFrom', 'typeFrom']);
    return parseEventFields(options ?? {});
  },
  checkSecret: checkBasicSecret,

  verify: (req, { secrets }) => verifyBasicCredentials(req, secrets),

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeEventFields,
  reply: genericReply,
};
