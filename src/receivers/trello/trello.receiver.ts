import { hmacReceiver } from '../shared/hmac/hmac-receiver';
import type { HmacDescriptor } from '../shared/hmac/descriptor';
import { parseTrelloOptions, type TrelloOptions } from './trello.options';

/**
 * Trello: model-change webhooks. The raw body followed by the callback URL exactly as
 * registered is signed with HMAC-SHA1 under the application secret, base64 in X-Trello-Webhook;
 * a URL that differs by a slash, a port or an escape fails. Creating a webhook sends a HEAD that
 * must answer 200, or Trello refuses to create it; HEAD is never verified or stored.
 */
export const trelloDescriptor: HmacDescriptor<TrelloOptions> = {
  name: 'trello',
  title: 'Trello',
  algorithm: 'sha1',
  signature: { headers: ['X-Trello-Webhook'], encoding: 'base64' },
  signedContent: '{body}{url}',
  // req.url is the endpoint's publicUrl when one is set, else the URL rebuilt from the request.
  signedUrl: (req, options) => options.callbackUrl ?? req.url,
  parseOptions: parseTrelloOptions,
  messages: {
    mismatch:
      'The signature does not match the body and {url} under any configured secret ' +
      '(set publicUrl to the callbackURL exactly as registered with Trello).',
  },
  type: { path: 'action.type' }, // updateCard
  id: { path: 'action.id' },
  occurredAt: { path: 'action.date' },
  handshake: { kind: 'plain-200', method: 'HEAD' },
};

export const trelloReceiver = hmacReceiver(trelloDescriptor);
