import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';

const ORDER = readFileSync(
  join(__dirname, '../../src/receivers/shopify/fixtures/orders-create.json'),
);
const SECRET = 'shopify-app-client-secret';
const URL = '/webhooks/shopify/shop';
const TRIGGERED_AT = '2026-11-27T11:59:58.000Z';

/** Signs like Shopify, with node:crypto (not the receiver's signer). */
const hmacOf = (body: Buffer, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('base64');

function classicHeaders(body: Buffer, eventId: string, secret = SECRET): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-shopify-hmac-sha256': hmacOf(body, secret),
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'example.myshopify.com',
    'x-shopify-api-version': '2026-01',
    'x-shopify-webhook-id': randomUUID(),
    'x-shopify-event-id': eventId,
    'x-shopify-triggered-at': TRIGGERED_AT,
  };
}

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

  it('stores orders/create with the topic as type and X-Shopify-Event-Id as the delivery id', async () => {
    const res = await postRaw(t, URL, classicHeaders(ORDER, 'event-0001'), ORDER);
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(false);
    const detail = await admin(`/deliveries/${res.body.id}`);
    expect(detail.body).toMatchObject({
      provider: 'shopify',
      type: 'orders/create',
      providerDeliveryId: 'event-0001',
    });
    expect(detail.body.payload).toEqual(JSON.parse(ORDER.toString()));
  });

  it("stores Shopify's retry (new webhook id, same event id) once", async () => {
    const first = await postRaw(t, URL, classicHeaders(ORDER, 'event-retry'), ORDER);
    const retry = await postRaw(t, URL, classicHeaders(ORDER, 'event-retry'), ORDER);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ id: first.body.id, duplicate: true });
  });

  it('accepts the unprefixed Shopify-* header family', async () => {
    const headers = {
      'content-type': 'application/json',
      'shopify-hmac-sha256': hmacOf(ORDER),
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

  describe('refusals', () => {
    it.each([
      ['unsigned', (h: Record<string, string>) => ({ ...h, 'x-shopify-hmac-sha256': '' })],
      ['signed with a wrong secret', () => classicHeaders(ORDER, 'e', 'wrong-secret')],
      [
        'signed over another body',
        (h: Record<string, string>) => ({
          ...h,
          'x-shopify-hmac-sha256': hmacOf(Buffer.from('{}')),
        }),
      ],
      [
        'signed with the hex digest',
        (h: Record<string, string>) => ({
          ...h,
          'x-shopify-hmac-sha256': createHmac('sha256', SECRET).update(ORDER).digest('hex'),
        }),
      ],
    ])('401 when %s', async (_case, mutate) => {
      const res = await postRaw(t, URL, mutate(classicHeaders(ORDER, 'event-refused')), ORDER);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('415 for XML or any other content type', async () => {
      const res = await postRaw(
        t,
        URL,
        { ...classicHeaders(ORDER, 'e'), 'content-type': 'application/xml' },
        ORDER,
      );
      expect(res.status).toBe(415);
    });

    it('400 for a signed body that is not JSON, or a signed delivery without a topic', async () => {
      const garbage = Buffer.from('{"id":');
      expect(
        (await postRaw(t, URL, classicHeaders(garbage, 'event-garbage'), garbage)).status,
      ).toBe(400);
      const headers = classicHeaders(ORDER, 'event-no-topic');
      delete (headers as Record<string, string>)['x-shopify-topic'];
      expect((await postRaw(t, URL, headers, ORDER)).status).toBe(400);
    });

    it('405 for GET', async () => {
      expect((await t.http().get(URL)).status).toBe(405);
    });
  });
});
