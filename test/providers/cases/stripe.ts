import Stripe from 'stripe';
import setupIntentCreated from '../../../src/receivers/stripe/fixtures/setup-intent-created.json';
import type { ProviderCase, WebhookRequest } from '../provider-case';

const SECRET = 'whsec_e2e_current_secret_0123456789';
const OLD_SECRET = 'whsec_e2e_previous_secret_9876543210';
const PATH = '/webhooks/stripe/shop';
const stripe = new Stripe('sk_test_x');

/** Stripe's wire format: pretty-printed JSON, signed by stripe-node's own test signer. */
export function stripeDelivery(
  event: object,
  secret: string,
  at: Date,
): { body: Buffer; headers: Record<string, string> } {
  const payload = JSON.stringify(event, null, 2);
  return { body: Buffer.from(payload), headers: stripeHeaders(payload, secret, at) };
}

function stripeHeaders(payload: string, secret: string, at: Date): Record<string, string> {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    'content-type': 'application/json; charset=utf-8',
    'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp }),
    'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
  };
}

/** A signed body that is not a Stripe event, with only the headers a verifier needs. */
function signedBare(bad: string, at: Date): WebhookRequest {
  const timestamp = Math.floor(at.getTime() / 1000);
  const header = stripe.webhooks.generateTestHeaderString({
    payload: bad,
    secret: SECRET,
    timestamp,
  });
  return {
    path: PATH,
    headers: { 'content-type': 'application/json', 'stripe-signature': header },
    body: Buffer.from(bad),
  };
}

const documented = stripeDelivery(setupIntentCreated, SECRET, new Date(0)).body;

export const stripeCase: ProviderCase = {
  name: 'Stripe',
  provider: 'stripe',
  endpoint: 'shop',
  app: () => ({ endpoint: { provider: 'stripe', id: 'shop', secrets: [SECRET, OLD_SECRET] } }),
  sign: ({ at, key, body, secret }) => {
    if (body)
      return { path: PATH, headers: stripeHeaders(body.toString(), secret ?? SECRET, at), body };
    const event = key
      ? { ...setupIntentCreated, id: key, type: 'invoice.paid' }
      : setupIntentCreated;
    return { path: PATH, ...stripeDelivery(event, secret ?? SECRET, at) };
  },
  secrets: [SECRET, OLD_SECRET],
  foreignSecret: { make: () => 'whsec_not_ours' },
  signatureHeaders: ['stripe-signature'],
  secretHeaders: [],
  documented: {
    type: 'setup_intent.created',
    providerDeliveryId: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
    payload: setupIntentCreated,
  },
  acknowledgement: 'json',
  // Stripe re-signs each retry with a new t=; the first retry comes minutes later.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 5 * 60_000 },
  tamperings: [
    {
      label: 're-serialized (parsed and stringified again)',
      signedBody: documented,
      sentBody: Buffer.from(JSON.stringify(JSON.parse(documented.toString()))),
    },
  ],
  timestampWindow: { toleranceSeconds: 300 },
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: (at) => signedBare('{"id":', at) },
    { label: 'lacks id', request: (at) => signedBare('{"type":"charge.succeeded"}', at) },
    { label: 'lacks type', request: (at) => signedBare('{"id":"evt_no_type"}', at) },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
