import { createHmac } from 'node:crypto';
import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { send } from './contract-client';
import { ZOOM_PATH, ZOOM_SECRET, zoomFixture, zoomSigned } from './cases/zoom';

const VALIDATION = zoomFixture('url-validation.json');
const PLAIN_TOKEN = 'qgg8vlvZRS6UYooatFL8Aw';

/**
 * What is Zoom's own: the signed endpoint.url_validation, answered with the plain token and its
 * HMAC under the secret token that verified it, and never stored. The contract is in
 * contract.e2e-spec.ts, row cases/zoom.ts.
 */
describe('Zoom receiver end to end', () => {
  const clock = new ManualClock();
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=zoom&limit=500')).body.items.length as number;
  const post = (request: ReturnType<typeof zoomSigned>) => send(t, request);

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          {
            provider: 'zoom',
            id: 'meetings',
            secrets: ['zoom-e2e-next-secret-token', ZOOM_SECRET],
          },
        ],
      }),
      { clock },
    );
  });
  afterAll(() => t.close());

  it('answers a signed url_validation with plainToken and encryptedToken, storing nothing', async () => {
    const before = await storedCount();
    const res = await post(zoomSigned(VALIDATION, clock.now()));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({
      plainToken: PLAIN_TOKEN,
      encryptedToken: createHmac('sha256', ZOOM_SECRET).update(PLAIN_TOKEN).digest('hex'),
    });
    expect(await storedCount()).toBe(before);
  });

  it('answers with the HMAC under the secret that verified it (rotation)', async () => {
    const next = 'zoom-e2e-next-secret-token';
    const res = await post(zoomSigned(VALIDATION, clock.now(), next));
    expect(res.status).toBe(200);
    expect(res.body.encryptedToken).toBe(
      createHmac('sha256', next).update(PLAIN_TOKEN).digest('hex'),
    );
  });

  it('refuses an unsigned or wrongly signed url_validation (401), answering no token', async () => {
    const unsigned = await post({
      path: ZOOM_PATH,
      headers: { 'content-type': 'application/json' },
      body: VALIDATION,
    });
    expect(unsigned.status).toBe(401);
    const wrong = await post(zoomSigned(VALIDATION, clock.now(), 'not-the-secret-token'));
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain('encryptedToken');
  });
});
