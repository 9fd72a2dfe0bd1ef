import type { Receiver, VerifyResult } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { normalizeTrelloEvent } from './trello.events';
import { parseTrelloOptions, type TrelloOptions } from './trello.options';
import { verifyTrelloSignature } from './trello.signature';

/**
 * Trello: model-change webhooks. Creating a webhook sends a HEAD that must answer 200, or Trello
 * refuses to create it; HEAD carries nothing to verify and is never stored.
 */
export const trelloReceiver: Receiver<TrelloOptions> = {
  name: 'trello',
  contentTypes: ['application/json'],
  methods: ['HEAD', 'POST'],
  parseOptions: parseTrelloOptions,
  handshakeBeforeVerify: (req) => (req.method === 'HEAD' ? { status: 200 } : undefined),

  verify(req, { secrets, options }): VerifyResult {
    const header = req.headers['x-trello-webhook'];
    if (!header) return { ok: false, reason: 'signature', message: 'X-Trello-Webhook is missing.' };
    // req.url is the endpoint's publicUrl when one is set, else the URL rebuilt from the request.
    const callbackUrl = options.callbackUrl ?? req.url;
    const secretIndex = verifyTrelloSignature(header, req.rawBody, callbackUrl, secrets);
    return secretIndex >= 0
      ? { ok: true, secretIndex }
      : {
          ok: false,
          reason: 'signature',
          message:
            `The signature does not match the body and ${callbackUrl} under any configured secret ` +
            '(set publicUrl to the callbackURL exactly as registered with Trello).',
        };
  },

  parse: (req) => parseJsonObject(req.rawBody),
  normalize: normalizeTrelloEvent,
};
