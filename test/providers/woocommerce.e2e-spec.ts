import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { WOOCOMMERCE_PATH as PATH, WOOCOMMERCE_SECRET } from './cases/woocommerce';

/**
 * What is WooCommerce's own: the unsigned `webhook_id=<id>` ping sent when a webhook is created
 * (WC_Webhook::deliver_ping, which activates the webhook only on a 200). The contract every
 * receiver keeps is in contract.e2e-spec.ts, row cases/woocommerce.ts.
 */
describe('WooCommerce receiver end to end', () => {
  let t: TestApp;
  const storedCount = async () =>
    (
      await t
        .http()
        .get('/admin/deliveries?provider=woocommerce&limit=500')
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
    ).body.items.length as number;
  // WordPress posts a string body without a content type; cURL sends it as a form.
  const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'woocommerce', id: 'shop', secrets: [WOOCOMMERCE_SECRET] }],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the creation ping exactly 200 with no body, and stores nothing', async () => {
    const before = await storedCount();
    const res = await postRaw(t, PATH, FORM, Buffer.from('webhook_id=12'));
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expect(await storedCount()).toBe(before);
  });

  it.each([
    ['a form with more than the id', 'webhook_id=12&status=active', 401],
    ['a form without the id', 'topic=order.created', 401],
  ])('does not take %s for a ping: unsigned, it is refused %i', async (_case, body, status) => {
    const before = await storedCount();
    expect((await postRaw(t, PATH, FORM, Buffer.from(body))).status).toBe(status);
    expect(await storedCount()).toBe(before);
  });
});
