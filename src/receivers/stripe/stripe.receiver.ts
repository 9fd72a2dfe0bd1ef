import type { Receiver } from '../receiver';
import { parseJsonObject } from '../shared/body';
import { normalizeStripeEvent } from './stripe.events';
import { parseStripeOptions, type StripeOptions } from './stripe.options';
import { verifyStripeSignature } from './stripe.signature';

export const stripeReceiver: Receiver<StripeOptions> = {
  name: 'stripe',
  contentTypes: ['application/json'],
  profile: { schemes: ['hmac'], handshakes: [], signsTimestamp: true },
  // No ackDeadlineMs: Stripe publishes no exact timeout, only "respond quickly".

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
