import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';

const URL = '/webhooks/okta/org';
const KEY = 'okta-e2e-authorization-key';

/**
 * What is Okta's own: the one-time verification GET. The contract every receiver keeps is in
 * contract.e2e-spec.ts, row cases/okta.ts.
 */
describe('Okta receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=okta&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'okta', id: 'org', secrets: [KEY] }] }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the verification GET with {"verification": …} as JSON, and stores nothing', async () => {
    const before = await storedCount();
    const res = await t
      .http()
      .get(URL)
      .set('accept', 'application/json')
      .set('authorization', KEY)
      .set('x-okta-verification-challenge', 'We8Z1tK9vQ-2hFzIz4vmTKv0');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ verification: 'We8Z1tK9vQ-2hFzIz4vmTKv0' });
    expect(await storedCount()).toBe(before);
  });

  it('answers a GET without the challenge header 405 with Allow: POST', async () => {
    const res = await t.http().get(URL);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
  });
});
