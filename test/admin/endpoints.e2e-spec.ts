import { auth } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { createTestApp, ManualClock, postRaw, testConfig, TestApp } from '../helpers/test-app';

const NEW_SECRET = 'github-new-secret-value';
const OLD_SECRET = 'github-old-secret-value';
const START = new Date('2026-12-01T10:00:00Z');

describe('admin API: GET /admin/endpoints', () => {
  let t: TestApp;
  const clock = new ManualClock(START);

  async function send(secret: string, body = '{"zen":"ok"}') {
    const headers = githubHeaders(secret, body, 'ping');
    return (await postRaw(t, '/webhooks/github/acme', headers, body)).status;
  }

  const endpoints = async () => {
    const res = await t.http().get('/admin/endpoints').set(auth);
    expect(res.status).toBe(200);
    return res;
  };

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'github', id: 'acme', secrets: [NEW_SECRET, OLD_SECRET] },
          {
            provider: 'github',
            id: 'quiet',
            secrets: [NEW_SECRET],
            publicUrl: 'https://hooks.example.com/webhooks/github/quiet',
          },
        ],
      }),
      { clock },
    );
    expect(await send(OLD_SECRET)).toBe(200);
    clock.advance(60_000);
    expect(await send(NEW_SECRET)).toBe(200);
    clock.advance(60_000);
    expect(await send(NEW_SECRET)).toBe(200);
    expect(await send('a-wrong-secret')).toBe(401);
    expect(await send('a-wrong-secret')).toBe(401);
    expect(await send(NEW_SECRET, '{not json')).toBe(400);
  });
  afterAll(() => t.close());

  it('lists each endpoint with its traffic, refusals and which secret matched', async () => {
    const { body } = await endpoints();
    const minute = (n: number) => new Date(START.getTime() + n * 60_000).toISOString();
    expect(body.items).toEqual([
      {
        provider: 'github',
        id: 'acme',
        path: '/webhooks/github/acme',
        lastDeliveryAt: minute(2),
        deliveriesLastHour: 3,
        refusals: { signature: 2, malformed: 1 },
        secrets: [
          // Counted for deliveries accepted: not for the request refused as malformed.
          { index: 0, matches: 2, lastMatchedAt: minute(2) },
          { index: 1, matches: 1, lastMatchedAt: minute(0) },
        ],
      },
      {
        provider: 'github',
        id: 'quiet',
        path: '/webhooks/github/quiet',
        publicUrl: 'https://hooks.example.com/webhooks/github/quiet',
        lastDeliveryAt: null,
        deliveriesLastHour: 0,
        refusals: {},
        secrets: [{ index: 0, matches: 0, lastMatchedAt: null }],
      },
    ]);
  });

  it('never shows a secret value', async () => {
    const { text } = await endpoints();
    expect(text).not.toContain(NEW_SECRET);
    expect(text).not.toContain(OLD_SECRET);
  });

  it('counts the last hour from the store; the last delivery stays', async () => {
    clock.advance(2 * 3_600_000);
    const [acme] = (await endpoints()).body.items;
    expect(acme).toMatchObject({ deliveriesLastHour: 0, lastDeliveryAt: expect.any(String) });
  });

  it('401 without the admin token', async () => {
    expect((await t.http().get('/admin/endpoints')).status).toBe(401);
  });
});
