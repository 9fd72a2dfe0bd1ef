import type { Receiver } from '../receiver';
import { verifyHeaderToken, verifyQueryToken } from '../shared/shared-token';
import { normalizeEventGridEvents, parseEventGridBody } from './azure-event-grid.events';
import { answerEventGridHandshake } from './azure-event-grid.handshakes';
import { parseEventGridOptions, type EventGridOptions } from './azure-event-grid.options';

/**
 * Azure Event Grid webhook subscriptions. Event Grid signs nothing; a webhook authenticates it
 * by a secret it was given: a static delivery property marked secret (a header), or a query
 * parameter of the endpoint URL (learn.microsoft.com azure/event-grid/security-authentication;
 * Entra ID tokens are not supported here). The endpoint names which in `options`.
 * Event Grid waits 30 s, then retries with an exponential backoff for up to 24 hours or 30
 * attempts (azure/event-grid/delivery-and-retry).
 */
export const azureEventGridReceiver: Receiver<EventGridOptions> = {
  name: 'azure-event-grid',
  profile: { schemes: ['token'], handshakes: ['subscription-validation'], signsTimestamp: false },
  contentTypes: [
    'application/json',
    'application/cloudevents+json',
    'application/cloudevents-batch+json',
  ],
  methods: ['OPTIONS', 'POST'],
  ackDeadlineMs: 30_000,

  parseOptions: parseEventGridOptions,
  secretHeadersFor: (options) => ('header' in options ? [options.header.toLowerCase()] : []),

  handshakeBeforeVerify: (req) => answerEventGridHandshake(req),
  verify: (req, { secrets, options }) =>
    'header' in options
      ? verifyHeaderToken(req, options.header, secrets)
      : verifyQueryToken(req, options.query, secrets),
  parse: parseEventGridBody,
  normalize: normalizeEventGridEvents,
};
