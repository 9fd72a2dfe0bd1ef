import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Razorpay from 'razorpay';
import { notApplicable, type ProviderCase, type WebhookRequest } from '../provider-case';

const CAPTURED = readFileSync(
  join(__dirname, '../../../src/receivers/razorpay/fixtures/payment-captured.json'),
);
const SECRET = 'razorpay-e2e-webhook-secret';
const NEXT_SECRET = 'razorpay-e2e-next-secret';
const PATH = '/webhooks/razorpay/payments';
const EVENT_ID = 'evt_Ju8i7DU6nZs2Pk';

/**
 * Signed with node:crypto as Razorpay documents it, and each signature checked with the SDK's
 * own validateWebhookSignature before it is sent: the case fails if they disagree.
 */
function signed(body: Buffer, secret = SECRET, eventId = EVENT_ID): WebhookRequest {
  const signature = createHmac('sha256', secret).update(body).digest('hex');
  if (!Razorpay.validateWebhookSignature(body.toString(), signature, secret)) {
    throw new Error('razorpay-node does not accept the signature this case made');
  }
  return {
    path: PATH,
    headers: {
      'content-type': 'application/json',
      'x-razorpay-event-id': eventId,
      'x-razorpay-signature': signature,
    },
    body,
  };
}

export const razorpayCase: ProviderCase = {
  name: 'Razorpay',
  provider: 'razorpay',
  endpoint: 'payments',
  app: () => ({
    endpoint: { provider: 'razorpay', id: 'payments', secrets: [NEXT_SECRET, SECRET] },
  }),
  sign: ({ key, body, secret }) => signed(body ?? CAPTURED, secret, key),
  secrets: [NEXT_SECRET, SECRET],
  foreignSecret: { make: () => 'another-account-secret' },
  signatureHeaders: ['x-razorpay-signature'],
  secretHeaders: [],
  documented: {
    type: 'payment.captured',
    providerDeliveryId: EVENT_ID,
    payload: JSON.parse(CAPTURED.toString()),
  },
  acknowledgement: 'json',
  // Razorpay retries with backoff for 24 hours; a duplicate keeps x-razorpay-event-id.
  dedupe: { deliveryIdOf: (key) => key, retryAfterMs: 60_000 },
  tamperings: [
    {
      label: 'another amount after signing',
      signedBody: CAPTURED,
      sentBody: Buffer.from(CAPTURED.toString().replace('"amount": 100,', '"amount": 900,')),
    },
  ],
  timestampWindow: notApplicable('Razorpay signs no timestamp'),
  otherRefusedContentTypes: ['application/x-www-form-urlencoded'],
  malformed: [
    { label: 'is not JSON', request: () => signed(Buffer.from('{"event":')) },
    {
      label: 'has no event',
      request: () => signed(Buffer.from('{"entity":"event","payload":{}}')),
      message: /"event"/,
    },
  ],
  refusedGet: { allow: 'POST' },
  refusedHead: { allow: 'POST' },
};
