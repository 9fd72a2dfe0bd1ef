import { createHmac } from 'node:crypto';
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

const NOTIFICATION = readFileSync(
  join(__dirname, '../../src/receivers/square/fixtures/test-notification.json'),
);
const KEY = 'square-e2e-signature-key-9f3c';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/square/payments';

/** Square's scheme with node:crypto: base64 HMAC-SHA256 of the notification URL, then the body. */
const squareHeaders = (url: string, body: Buffer, key = KEY): Record<string, string> => ({
  'content-type': 'application/json',
  'x-square-hmacsha256-signature': createHmac('sha256', key)
    .update(url)
    .update(body)
    .digest('base64'),
});
const withId = (id: string) =>
  Buffer.from(NOTIFICATION.toString().replace('ac3ac95b-f97d-458c-a6e6-18981597e05f', id));

/**
 * What is Square's own: the signature covers the notification URL, which is the endpoint's
 * publicUrl (or, without one, the URL rebuilt from the request). The contract every receiver
 * keeps is in contract.e2e-spec.ts, row cases/square.ts.
 */
describe('Square receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'square', id: 'payments', secrets: [KEY], publicUrl: PUBLIC_URL },
          { provider: 'square', id: 'rebuilt', secrets: [KEY] },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('stores a notification signed over the publicUrl, typed and keyed by event_id', async () => {
    const body = withId('evt-public-url');
    const res = await postRaw(
      t,
      '/webhooks/square/payments',
      squareHeaders(PUBLIC_URL, body),
      body,
    );
    expect(res.status).toBe(200);
    expect((await admin(`/deliveries/${res.body.id}`)).body).toMatchObject({
      provider: 'square',
      type: 'webhooks.test_notification',
      providerDeliveryId: 'evt-public-url',
    });
  });

  it.each([
    ['with a trailing slash', `${PUBLIC_URL}/`],
    ['over http', PUBLIC_URL.replace('https:', 'http:')],
    ['with a query', `${PUBLIC_URL}?source=square`],
  ])('refuses a signature made for the URL %s (401), without echoing it', async (_c, url) => {
    const body = withId(`evt-${_c}`);
    const res = await postRaw(t, '/webhooks/square/payments', squareHeaders(url, body), body);
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('exactly as registered in Square');
    expect(JSON.stringify(res.body)).not.toContain(KEY);
    expect(JSON.stringify(res.body)).not.toContain('hooks.example.com');
  });

  it('refuses the legacy x-square-signature alone (401)', async () => {
    const body = withId('evt-legacy');
    const legacy = createHmac('sha1', KEY).update(PUBLIC_URL).update(body).digest('base64');
    const res = await postRaw(
      t,
      '/webhooks/square/payments',
      { 'content-type': 'application/json', 'x-square-signature': legacy },
      body,
    );
    expect(res.status).toBe(401);
    expect(res.body.message).toContain('x-square-hmacsha256-signature is missing');
  });

  it('without publicUrl, checks the URL rebuilt from the request', async () => {
    const body = withId('evt-rebuilt');
    const url = 'http://gateway.test/webhooks/square/rebuilt';
    const headers = { ...squareHeaders(url, body), host: 'gateway.test' };
    const res = await postRaw(t, '/webhooks/square/rebuilt', headers, body);
    expect(res.status).toBe(200);
  });
});
