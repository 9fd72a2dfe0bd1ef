import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { genericReply } from '../shared/replies';
import { normalizeEventFields } from '../shared/event-fields';
import { matchedOr, refuse } from '../shared/refusal';
import { matchAnySecret } from '../shared/timing-safe';
import { parseTokenOptions, type TokenOptions } from './token.options';

/**
 * `provider: token`: a shared secret sent as is, in a header (GitLab-style, Telegram, Okta) or
 * a query parameter (ASP.NET's `?code=`), compared in constant time against every configured
 * secret. The header is dropped from the stored delivery (`secretHeadersFor`) and redacted in
 * logs; the query is never stored, and the webhook route logs the path only.
 */
export const tokenReceiver: Receiver<TokenOptions> = {
  name: 'token',
  contentTypes: ['application/json'],
  profile: { schemes: ['token'], handshakes: [], signsTimestamp: false, configurable: true },

  parseOptions: parseTokenOptions,
  secretHeadersFor: (options) => ('header' in options ? [options.header.toLowerCase()] : []),

  verify(req, { secrets, options }) {
    const where = 'header' in options ? options.header : `The "${options.query}" query parameter`;
    const token =
      'header' in options ? req.headers[options.header.toLowerCase()] : req.query[options.query];
    if (!token) return refuse(`${where} is missing.`);
    return matchedOr(
      matchAnySecret(secrets, [token], (secret) => secret),
      `${where} does not match any configured secret.`,
    );
  },

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeEventFields,
  reply: genericReply,
};
