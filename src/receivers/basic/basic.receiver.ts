import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import {
  normalizeEventFields,
  parseEventFields,
  type EventFieldOptions,
} from '../shared/event-fields';
import { rejectUnknownOptions } from '../shared/options';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';

/**
 * `provider: basic`: HTTP Basic credentials, as a sender puts them in the URL it calls
 * (`https://user:password@host/...`). Each configured secret is `user:password`; the decoded
 * credentials are compared with every one in constant time. `Authorization` is never stored
 * nor logged, whatever the provider.
 */
export const basicReceiver: Receiver<EventFieldOptions> = {
  name: 'basic',
  contentTypes: ['application/json'],

  parseOptions(options) {
    rejectUnknownOptions(options, 'basic', ['idFrom', 'typeFrom']);
    return parseEventFields(options ?? {});
  },

  verify(req, { secrets }) {
    const match = /^basic\s+([A-Za-z0-9+/]+={0,2})\s*$/i.exec(req.headers.authorization ?? '');
    if (!match) return refuse('Authorization with Basic credentials is missing.');
    const credentials = Buffer.from(match[1], 'base64').toString('utf8');
    if (!credentials.includes(':')) return refuse('The Basic credentials are not user:password.');
    return matchedOr(
      matchAnySecret(secrets, [credentials], (secret) => secret),
      'The Basic credentials do not match any configured user:password.',
    );
  },

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeEventFields,
};
