import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { verifyHeaderToken } from '../shared/shared-token';
import { answerHandshake, type Handshake } from '../shared/hmac/handshakes';
import { rejectUnknownOptions } from '../shared/options';
import { normalizeOktaDelivery } from './okta.events';

const VERIFICATION: Handshake = {
  kind: 'echo-header',
  header: 'X-Okta-Verification-Challenge',
  field: 'verification',
};

/**
 * Okta event hooks (okta-developer-docs `docs/concepts/event-hooks/index.md`). Okta signs
 * nothing: the hook's "Authorization" value, a secret you choose, is sent as is in
 * `Authorization` on every request and compared here in constant time. The one-time
 * verification GET is answered by the `echo-header` handshake. Okta waits 3 s, retries at most
 * once, and never retries a 4xx (same page, "Timeout and Retry").
 */
export const oktaReceiver: Receiver<Record<string, never>> = {
  name: 'okta',
  contentTypes: ['application/json'],
  profile: { schemes: ['token'], handshakes: ['echo-header'], signsTimestamp: false },
  methods: ['GET', 'POST'],
  ackDeadlineMs: 3_000,
  secretHeaders: ['authorization'],

  parseOptions(options) {
    rejectUnknownOptions(options, 'Okta', [], 'the Authorization value goes in secrets');
    return {};
  },

  handshakeBeforeVerify: (req, ctx) => answerHandshake(VERIFICATION, req, ctx.options),
  verify: (req, { secrets }) => verifyHeaderToken(req, 'Authorization', secrets),
  parse: (req) => parseJsonObject(req.rawBody),
  normalize: normalizeOktaDelivery,
};
