import { createHmac, randomUUID } from 'node:crypto';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { SHOPIFY_ORDER as ORDER, shopifyHeaders, shopifyHmac } from './cases/shopify';

const SECRET = 'shopify-app-client-secret';
const URL = '/webhooks/shopify/shop';

/**
 * What is Shopify's own: the unprefixed Shopify-* header family, and the base64 (not hex)
 * digest. The contract every receiver keeps (orders/create, retries, refusals) is in
 * contract.e2e-spec.ts, row cases/shopify.ts.
 */
describe('Shopify receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'shopify', id: 'shop', secrets: ['shopify-next-secret', SECRET] }],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('accepts the unprefixed Shopify-* header family', async () => {
    const headers = {
      'content-type': 'application/json',
      'shopify-hmac-sha256': shopifyHmac(ORDER, SECRET),
      'shopify-topic': 'orders/create',
      'shopify-event-id': 'event-unprefixed',
      'shopify-webhook-id': randomUUID(),
    };
    const res = await postRaw(t, URL, headers, ORDER);
    expect(res.status).toBe(200);
    const detail = await admin(`/deliveries/${res.body.id}`);
    expect(detail.body).toMatchObject({
      type: 'orders/create',
      providerDeliveryId: 'event-unprefixed',
    });
  });

  it('401 when signed with the hex digest', async () => {
    const headers = {
      ...shopifyHeaders(ORDER, 'event-refused', SECRET),
      'x-shopify-hmac-sha256': createHmac('sha256', SECRET).update(ORDER).digest('hex'),
    };
    const res = await postRaw(t, URL, headers, ORDER);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });
});
