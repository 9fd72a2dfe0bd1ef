import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { checkSecretRules } from '../shared/secret-rules';
import { normalizeStripeEvent } from './stripe.events';
import { parseStripeOptions, type StripeOptions } from './stripe.options';
import { STRIPE_SECRET_RULES } from './stripe.secret';
import { verifyStripeSignature } from './stripe.signature';

export const stripeReceiver: Receiver<StripeOptions> = {
  name: 'stripe',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac'], handshakes: [], signsTimestamp: true },
  // No ackDeadlineMs: Stripe publishes no exact timeout, only "respond quickly".

  checkSecret: (secret) => checkSecretRules(STRIPE_SECRET_RULES, secret),
  parseOptions: parseStripeOptions,

  verify(req, { secrets, options, now }) {
    return verifyStripeSignature(
      req.headers['stripe-signature'],
      req.rawBody,
      secrets,
      now,
      options.toleranceSeconds,
    );
  },

  parse: (req) => parseJsonObject(req.rawBody),

  normalize: normalizeStripeEvent,
};
