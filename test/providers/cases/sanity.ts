import { createHmac } from 'node:crypto';
import { providerFixture, signedJsonCase } from './signed-json-case';

const POST = providerFixture('sanity', 'post-published.json');
const IDEMPOTENCY_KEY = 'idem_2b6e4b1a_Lv8mKPjH4gZ6t0tqqvhL6D';

/**
 * Signed as sanity-io/webhook-toolkit signs, with node:crypto: `t=<ms>,v1=<base64url
 * HMAC-SHA256 of t.body>`, with the headers of a document webhook.
 */
export const sanityCase = signedJsonCase({
  name: 'Sanity',
  provider: 'sanity',
  endpoint: 'content',
  secrets: ['sanity-e2e-next-webhook-secret', 'sanity-e2e-webhook-secret'],
  foreignSecret: () => 'another-sanity-webhook-secret',
  fixture: POST,
  headers: ({ body, at, secret, key }) => {
    const t = String(at.getTime());
    const v1 = createHmac('sha256', secret).update(`${t}.`).update(body).digest('base64url');
    return {
      'sanity-webhook-signature': `t=${t},v1=${v1}`,
      'sanity-operation': 'update',
      'sanity-document-id': '2b6e4b1a-1d5c-4b3e-9c53-7f1bd2c0b9a1',
      'sanity-project-id': 'abc123de',
      'sanity-dataset': 'production',
      'idempotency-key': key ?? IDEMPOTENCY_KEY,
    };
  },
  signatureHeaders: ['sanity-webhook-signature'],
  documented: {
    type: 'update',
    providerDeliveryId: IDEMPOTENCY_KEY,
    payload: JSON.parse(POST.toString()),
  },
  tampering: { label: 'another title after signing', from: 'Hello world', to: 'Goodbye' },
  toleranceSeconds: 300,
  malformed: [
    { label: 'is not JSON', body: '{"_id":' },
    { label: 'is empty', body: '' },
  ],
});
