import { githubHeaders } from '../helpers/github';
import {
  ADMIN_TOKEN,
  createTestApp,
  postRaw,
  testConfig,
  TestApp,
  waitFor,
} from '../helpers/test-app';

const SECRET = 'github-test-secret';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('admin API (read side)', () => {
  let t: TestApp;
  const ids: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'github', id: 'acme', secrets: [SECRET] },
          { provider: 'github', id: 'other', secrets: [SECRET] },
        ],
      }),
    );
    // 7 deliveries, one at a time so their ids are in arrival order.
    for (let i = 0; i < 7; i++) {
      const body = JSON.stringify({ action: i % 2 ? 'opened' : 'closed', number: i });
      const endpoint = i < 5 ? 'acme' : 'other';
      const res = await postRaw(
        t,
        `/webhooks/github/${endpoint}`,
        githubHeaders(SECRET, body, 'issues', `adm-${i}`),
        body,
      );
      ids.push(res.body.id);
    }
    // No handler matches these, so the worker marks each one succeeded right after planning.
    await waitFor(async () => {
      const res = await t.http().get('/admin/deliveries?status=succeeded').set(auth);
      return res.body.items.length === ids.length;
    });
  });
  afterAll(() => t.close());

  it('401 without the bearer token, or with a wrong one', async () => {
    expect((await t.http().get('/admin/deliveries')).status).toBe(401);
    expect(
      (
        await t
          .http()
          .get('/admin/deliveries')
          .set('authorization', 'Bearer wrong-token-xxxxxxxxxx')
      ).status,
    ).toBe(401);
    expect((await t.http().get('/admin/deliveries').set('authorization', ADMIN_TOKEN)).status).toBe(
      401,
    );
    const res = await t.http().get(`/admin/deliveries/${ids[0]}`).set('authorization', 'Basic abc');
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body)).not.toContain(ADMIN_TOKEN);
  });

  it('lists newest first, with cursor pagination over every delivery', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: any } = await t
        .http()
        .get(`/admin/deliveries?limit=3${cursor ? `&cursor=${cursor}` : ''}`)
        .set(auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((d: { id: string }) => d.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());
  });

  it('returns Delivery objects as DESIGN §3 defines them', async () => {
    const res = await t.http().get('/admin/deliveries?limit=1').set(auth);
    expect(res.body.items[0]).toEqual({
      id: ids[6],
      provider: 'github',
      endpoint: 'other',
      type: 'issues.closed',
      providerDeliveryId: 'adm-6',
      status: 'succeeded',
      receivedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      attempts: 0,
    });
  });

  it.each([
    ['endpoint=other', 2],
    ['type=issues.opened', 3],
    ['provider=github&endpoint=acme&type=issues.closed', 3],
    ['status=succeeded', 7],
    ['status=pending', 0],
    ['status=dead', 0],
    ['provider=gitlab', 0],
  ])('filters by %s', async (query, count) => {
    const res = await t.http().get(`/admin/deliveries?${query}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(count);
  });

  it.each([
    ['limit=0'],
    ['limit=501'],
    ['limit=ten'],
    ['status=exploded'],
    ['cursor=1%27%20OR%201%3D1'],
    ['sort=id'],
  ])('400 for a bad query: %s', async (query) => {
    expect((await t.http().get(`/admin/deliveries?${query}`).set(auth)).status).toBe(400);
  });

  it('returns one delivery with payload, headers and runs; 404 for an unknown id; 400 for a malformed id', async () => {
    const res = await t.http().get(`/admin/deliveries/${ids[1]}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ids[1],
      type: 'issues.opened',
      payload: { action: 'opened', number: 1 },
      headers: { 'x-github-delivery': 'adm-1', 'x-github-event': 'issues' },
      runs: [],
    });
    expect(
      (await t.http().get('/admin/deliveries/01a21f19-faab-70ef-9e94-4b061231f001').set(auth))
        .status,
    ).toBe(404);
    expect((await t.http().get('/admin/deliveries/not-an-id').set(auth)).status).toBe(400);
  });
});

describe('admin API without a configured token', () => {
  it('does not exist (404), whatever the caller sends', async () => {
    const t = await createTestApp(testConfig({ admin: {} }));
    try {
      expect((await t.http().get('/admin/deliveries')).status).toBe(404);
      expect(
        (
          await t
            .http()
            .get('/admin/deliveries')
            .set('authorization', 'Bearer anything-at-all-here')
        ).status,
      ).toBe(404);
    } finally {
      await t.close();
    }
  });
});
