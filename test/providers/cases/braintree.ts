import { BRAINTREE_KIND, braintreeGateway } from '../../helpers/braintree-sdk';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const SECRETS = ['nextpub:next-private-key', 'pubkey:private-key'];
const PATH = '/webhooks/braintree/payments';
const KIND = BRAINTREE_KIND.SubscriptionWentPastDue;
const gatewayFor = (secret: string) =>
  braintreeGateway(secret.slice(0, secret.indexOf(':')), secret.slice(secret.indexOf(':') + 1));

const form = (fields: Record<string, string>) =>
  Buffer.from(new URLSearchParams(fields).toString());
const request = (body: Buffer): WebhookRequest => ({
  path: PATH,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body,
});

/**
 * Notifications made by the SDK's webhookTesting.sampleNotification, one per subscription id
 * and key pair: Braintree's retry resends the same bt_payload, so a retry reuses it.
 */
const samples = new Map<string, { bt_signature: string; bt_payload: string }>();
function sample(id: string, secret = SECRETS[1]) {
  const memo = `${id}|${secret}`;
  if (!samples.has(memo))
    samples.set(memo, gatewayFor(secret).webhookTesting.sampleNotification(KIND, id));
  return samples.get(memo)!;
}
const decoded = (id: string) => Buffer.from(sample(id).bt_payload, 'base64').toString();
const timestampOf = (id: string) => /<timestamp[^>]*>([^<]+)</.exec(decoded(id))![1];

const DOCUMENTED = 'documented_sub';

export const braintreeCase: ProviderCase = {
  name: 'Braintree',
  provider: 'braintree',
  endpoint: 'payments',
  app: () => ({ endpoint: { provider: 'braintree', id: 'payments', secrets: [...SECRETS] } }),
  sign: ({ key, body, secret }) => request(body ?? form(sample(key ?? DOCUMENTED, secret))),
  secrets: [...SECRETS],
  foreignSecret: { make: () => 'pubkey:some-other-private-key', message: /does not match/ },
  signatureHeaders: notApplicable('the signature is the bt_signature form field'),
  secretHeaders: [],
  documented: {
    type: 'subscription_went_past_due',
    providerDeliveryId: `subscription_went_past_due:${timestampOf(DOCUMENTED)}:${DOCUMENTED}`,
    // The <notification> element as the SDK's sample writes it; attributes are dropped.
    payload: {
      timestamp: timestampOf(DOCUMENTED),
      kind: 'subscription_went_past_due',
      subject: { subscription: { id: DOCUMENTED, transactions: '', add_ons: '', discounts: '' } },
    },
  },
  acknowledgement: 'json',
  dedupe: {
    deliveryIdOf: (key) => `subscription_went_past_due:${timestampOf(key)}:${key}`,
    retryAfterMs: 3_600_000,
  },
  tamperings: [
    {
      label: 'another subscription id in bt_payload than the one signed',
      signedBody: form(sample(DOCUMENTED)),
      sentBody: form({
        bt_signature: sample(DOCUMENTED).bt_signature,
        bt_payload: Buffer.from(decoded(DOCUMENTED).replace(DOCUMENTED, 'other_sub')).toString(
          'base64',
        ),
      }),
    },
  ],
  timestampWindow: notApplicable('Braintree signs no timestamp window; retries run for 24 hours'),
  otherRefusedContentTypes: ['application/json'],
  malformed: [
    {
      label: 'signs a payload that is no notification',
      request: () => {
        const payload = Buffer.from('<other/>').toString('base64');
        const signature = gatewayFor(SECRETS[1]).webhookTesting.sampleSignature(payload);
        return request(form({ bt_signature: signature, bt_payload: payload }));
      },
      message: /no <notification>/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'GET, POST' },
};
