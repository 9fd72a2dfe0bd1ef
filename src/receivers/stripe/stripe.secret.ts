import type { SecretRules } from '../shared/secret-rules';

/**
 * Stripe's keys by prefix (https://docs.stripe.com/keys: `sk_` secret, `rk_` restricted, `pk_`
 * publishable) are not the endpoint's signing secret, `whsec_...`
 * (https://docs.stripe.com/webhooks#verify-events). An API key pasted there makes every
 * delivery fail verification, so it stops start-up.
 */
export const STRIPE_SECRET_RULES: SecretRules = {
  notThese: [
    { prefix: 'sk_', is: 'a Stripe secret API key' },
    { prefix: 'rk_', is: 'a Stripe restricted API key' },
    { prefix: 'pk_', is: 'a Stripe publishable key' },
  ],
  prefix: 'whsec_',
  where:
    "the endpoint's signing secret (whsec_...): Stripe Dashboard > Developers > Webhooks > the " +
    'endpoint > Signing secret, or the one `stripe listen` prints',
};
