import { UnsupportedMediaTypeError } from '../../errors/webhook-errors';
import type { Receiver } from '../receiver';
import { echo } from '../shared/hmac/echo';
import { rejectUnknownOptions } from '../shared/options';
import {
  normalizeGraphNotifications,
  parseGraphNotifications,
  verifyClientState,
} from './microsoft-graph.notifications';

/**
 * Microsoft Graph change notifications (learn.microsoft.com graph/change-notifications-delivery-webhooks).
 * Creating a subscription, Graph POSTs `?validationToken=T` (text/plain, empty body) and wants T
 * back, URL-decoded, as text/plain within 10 s: answered before anything else, as text no
 * browser sniffs. Notifications are verified by their `clientState` (every one of them); Graph
 * wants a 2xx within 3 s, and retries, then drops, slow or failing deliveries.
 */
export const microsoftGraphReceiver: Receiver<Record<string, never>> = {
  name: 'microsoft-graph',
  // text/plain only for the validation request; refused 415 otherwise, below.
  contentTypes: ['application/json', 'text/plain'],
  profile: { schemes: ['client-state'], handshakes: ['validation-token'], signsTimestamp: false },
  ackDeadlineMs: 3_000,

  parseOptions(options) {
    rejectUnknownOptions(options, 'Microsoft Graph', [], 'the clientState goes in secrets');
    return {};
  },
  // Graph limits clientState to 128 characters (subscription resource, clientState).
  checkSecret: (secret) =>
    secret.length <= 128
      ? undefined
      : "must be at most 128 characters (Graph's clientState limit).",

  handshakeBeforeVerify(req) {
    const token = req.query.validationToken;
    if (token !== undefined) return echo(token);
    if (req.contentType !== 'application/json') {
      throw new UnsupportedMediaTypeError(req.headers['content-type'], ['application/json']);
    }
    return undefined;
  },
  verify: (req, { secrets }) => verifyClientState(req, secrets),
  parse: parseGraphNotifications,
  normalize: normalizeGraphNotifications,
};
