import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AdminSecurityModule } from '../../src/admin/admin-security.module';
import { ADMIN_AUTH_LIMITS } from '../../src/admin/admin-auth-throttle';
import { timingSafeEqualAny } from '../../src/receivers/shared/timing-safe';
import { githubHeaders } from '../helpers/github';
import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, type TestApp } from '../helpers/test-app';

const GITHUB_SECRET = 'github-test-secret';
const GITLAB_TOKEN = 'gitlab-plain-token-0123456789';
const FORWARD_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

function config() {
  return testConfig({
    dispatch: { enabled: false },
    endpoints: [
      {
        provider: 'github',
        id: 'acme',
        secrets: [GITHUB_SECRET],
        forward: [{ url: 'http://127.0.0.1:9/hooks', secret: FORWARD_SECRET }],
      },
      { provider: 'gitlab', id: 'gl', secrets: [GITLAB_TOKEN] },
    ],
  });
}

/** No answer may carry a configured secret or the admin token. */
function expectNoSecrets(text: string): void {
  for (const secret of [GITHUB_SECRET, GITLAB_TOKEN, FORWARD_SECRET, ADMIN_TOKEN]) {
    expect(text).not.toContain(secret);
  }
}

async function sendGithub(t: TestApp, extra: Record<string, string> = {}): Promise<string> {
  const body = JSON.stringify({ ref: 'refs/heads/main', n: Math.random() });
  const res = await postRaw(
    t,
    '/webhooks/github/acme',
    { ...githubHeaders(GITHUB_SECRET, body, 'push'), ...extra },
    body,
  );
  expect(res.status).toBe(200);
  return res.body.id;
}

describe('admin surface: authentication', () => {
  it('uses a constant-time comparison of fixed-size digests (review)', () => {
    const guard = readFileSync(join(__dirname, '../../src/admin/admin-token.guard.ts'), 'utf8');
    expect(guard).toMatch(/timingSafeEqualAny\(match\[1\], token\)/);
    expect(guard).not.toMatch(/===\s*token|token\s*===/);
    // Unequal lengths neither throw nor short-circuit (crypto.timingSafeEqual alone would throw).
    expect(timingSafeEqualAny('a', ADMIN_TOKEN)).toBe(false);
    expect(timingSafeEqualAny(ADMIN_TOKEN + 'x', ADMIN_TOKEN)).toBe(false);
    expect(timingSafeEqualAny(ADMIN_TOKEN, ADMIN_TOKEN)).toBe(true);
  });

  it('no admin routes exist without a configured token (404, whatever is sent)', async () => {
    const t = await createTestApp(testConfig({ admin: {} }), { imports: [AdminSecurityModule] });
    try {
      for (const path of [
        '/admin/deliveries',
        '/admin/deliveries/00000000-0000-0000-0000-000000000000',
      ]) {
        expect((await t.http().get(path)).status).toBe(404);
        expect(
          (await t.http().get(path).set('authorization', 'Bearer anything-at-all-123')).status,
        ).toBe(404);
      }
      expect((await t.http().post('/admin/runs/replay').send({})).status).toBe(404);
    } finally {
      await t.close();
    }
  });

  it.each([
    ['no header', undefined],
    ['another scheme', `Basic ${ADMIN_TOKEN}`],
    ['a prefix of the token', `Bearer ${ADMIN_TOKEN.slice(0, -1)}`],
    ['the token plus a suffix', `Bearer ${ADMIN_TOKEN}x`],
    ['two tokens', `Bearer ${ADMIN_TOKEN} ${ADMIN_TOKEN}`],
    ['an empty bearer', 'Bearer '],
  ])('401 with %s, and the answer holds no secret', async (_case, header) => {
    const t = await createTestApp(config());
    try {
      const req = t.http().get('/admin/deliveries');
      const res = header === undefined ? await req : await req.set('authorization', header);
      expect(res.status).toBe(401);
      expectNoSecrets(res.text);
    } finally {
      await t.close();
    }
  });

  it(`429 after ${ADMIN_AUTH_LIMITS.failures} failed attempts from one address, with Retry-After; even the right token waits`, async () => {
    const t = await createTestApp(config());
    try {
      expect((await t.http().get('/admin/deliveries').set(auth)).status).toBe(200);
      for (let i = 0; i < ADMIN_AUTH_LIMITS.failures; i++) {
        const res = await t
          .http()
          .get('/admin/deliveries')
          .set('authorization', `Bearer guess-${i}-0123456789`);
        expect(res.status).toBe(401);
      }
      const blocked = await t
        .http()
        .get('/admin/deliveries')
        .set('authorization', 'Bearer guess-x-0123456789');
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(
        ADMIN_AUTH_LIMITS.blockMs / 1000,
      );
      expectNoSecrets(blocked.text);
      expect((await t.http().get('/admin/deliveries').set(auth)).status).toBe(429);
      expect((await t.http().post('/admin/runs/replay').set(auth).send({})).status).toBe(429);
      // The webhook edge is not throttled by admin failures.
      await sendGithub(t);
    } finally {
      await t.close();
    }
  });

  it('successful admin calls are never throttled', async () => {
    const t = await createTestApp(config());
    try {
      for (let i = 0; i < 3 * ADMIN_AUTH_LIMITS.failures; i++) {
        expect((await t.http().get('/admin/deliveries?limit=1').set(auth)).status).toBe(200);
      }
    } finally {
      await t.close();
    }
  });
});

describe('admin surface: headers, filters, secrets', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(config(), { imports: [AdminSecurityModule] });
  });
  afterAll(() => t.close());

  it.each([
    ['an authorized list', true],
    ['a refusal', false],
  ])('helmet headers on %s', async (_case, authorized) => {
    const req = t.http().get('/admin/deliveries');
    const res = authorized ? await req.set(auth) : await req;
    expect(res.status).toBe(authorized ? 200 : 401);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it.each([
    "type=' OR 1=1 --",
    'type=push%27%3B%20DROP%20TABLE%20deliveries%3B--',
    'provider=github%22%20OR%20%221%22%3D%221',
    'endpoint=acme%00',
    'type=%25',
    'type=_',
    'type=*',
  ])('filter %s is inert: 200 with no deliveries (matched literally)', async (query) => {
    await sendGithub(t);
    const res = await t.http().get(`/admin/deliveries?${query}`).set(auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    // The table is still there.
    expect((await t.http().get('/admin/deliveries').set(auth)).body.items.length).toBeGreaterThan(
      0,
    );
  });

  it.each([
    "status=pending' OR '1'='1",
    "cursor=' OR 1=1 --",
    'cursor=zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz',
    'cursor[$gt]=0',
    'type[$ne]=x',
    'type=a&type=b',
    'limit=-1',
    'limit=100000',
    'limit=1e3',
    'limit=abc',
    'limit=1;DROP',
    `type=${'x'.repeat(5000)}`,
    'unknown=1',
    '__proto__[polluted]=1',
  ])('filter %s is refused with 400, no error details leaked', async (query) => {
    const res = await t.http().get(`/admin/deliveries?${query}`).set(auth);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/SQLITE|QueryFailed|SELECT|stack/i);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a well-formed cursor past the newest delivery only pages, it never leaks or errors', async () => {
    await sendGithub(t);
    const past = await t
      .http()
      .get('/admin/deliveries?cursor=ffffffff-ffff-ffff-ffff-ffffffffffff&limit=500')
      .set(auth);
    expect(past.status).toBe(200);
    const none = await t
      .http()
      .get('/admin/deliveries?cursor=00000000-0000-0000-0000-000000000000')
      .set(auth);
    expect(none.status).toBe(200);
    expect(none.body.items).toEqual([]);
  });

  it.each([
    ['{ type: "\' OR 1=1 --" }', { type: "' OR 1=1 --" }, 200],
    ['statuses with SQL', { statuses: ["dead' OR 1=1 --"] }, 400],
    ['an operator object', { provider: { $gt: '' } }, 400],
    ['an unknown field', { where: '1=1' }, 400],
    ['a huge limit', { limit: 1e9 }, 400],
    ['a bad date', { receivedAfter: "2020-01-01' OR 1=1" }, 400],
  ])('bulk replay with %s is inert', async (_case, body, status) => {
    const res = await t.http().post('/admin/runs/replay').set(auth).send(body);
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body).toEqual({ dryRun: true, matched: 0, replayed: 0 });
    expect(res.text).not.toMatch(/SQLITE|QueryFailed|SELECT/i);
  });

  it('ids in paths are validated: 400, never a query error', async () => {
    for (const id of ["' OR 1=1 --", '..%2F..%2Fetc', '1%20OR%201%3D1']) {
      const res = await t.http().get(`/admin/deliveries/${id}`).set(auth);
      expect(res.status).toBe(400);
    }
  });

  it('secrets are absent from admin answers, edge refusals and error bodies', async () => {
    const id = await sendGithub(t);
    const detail = await t.http().get(`/admin/deliveries/${id}`).set(auth);
    expect(detail.status).toBe(200);
    expectNoSecrets(detail.text);
    expectNoSecrets((await t.http().get('/admin/deliveries?limit=500').set(auth)).text);

    const body = '{"zen":"x"}';
    const forged = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders('wrong', body, 'push'),
      body,
    );
    expect(forged.status).toBe(401);
    expectNoSecrets(forged.text);
    expect(forged.text).not.toContain(
      githubHeaders(GITHUB_SECRET, body, 'push')['x-hub-signature-256'],
    );

    const wrongToken = await postRaw(
      t,
      '/webhooks/gitlab/gl',
      {
        'content-type': 'application/json',
        'x-gitlab-token': GITLAB_TOKEN.slice(0, -1) + 'X',
        'x-gitlab-event': 'Push Hook',
      },
      '{"object_kind":"push"}',
    );
    expect(wrongToken.status).toBe(401);
    expectNoSecrets(wrongToken.text);

    const metrics = await t.http().get('/metrics');
    if (metrics.status === 200) expectNoSecrets(metrics.text);
  });

  // BUG (src/pipeline/store.stage.ts, not this file's to fix): only the endpoint's own
  // receiver's secretHeaders are dropped, so an X-Gitlab-Token sent to a GitHub endpoint (a
  // misrouted GitLab hook) is stored in plaintext and shown by the admin API. Fix: add
  // 'x-gitlab-token' to NEVER_STORED (or build NEVER_STORED from every receiver's secretHeaders).
  it('credential headers are never stored (authorization-like, cookies, API keys, GitLab tokens)', async () => {
    const credentials = {
      authorization: 'Bearer leaked-authorization',
      'proxy-authorization': 'Basic bGVha2VkOnByb3h5',
      'x-api-key': 'leaked-api-key',
      'x-gitlab-token': 'leaked-gitlab-token',
      cookie: 'session=leaked-cookie',
    };
    const githubId = await sendGithub(t, credentials);
    const gitlab = await postRaw(
      t,
      '/webhooks/gitlab/gl',
      {
        'content-type': 'application/json',
        'x-gitlab-event': 'Push Hook',
        ...credentials,
        'x-gitlab-token': GITLAB_TOKEN,
      },
      '{"object_kind":"push"}',
    );
    expect(gitlab.status).toBe(200);
    for (const id of [githubId, gitlab.body.id]) {
      const detail = await t.http().get(`/admin/deliveries/${id}`).set(auth);
      expect(detail.status).toBe(200);
      for (const name of Object.keys(credentials))
        expect(detail.body.headers[name]).toBeUndefined();
      expect(detail.text).not.toMatch(/leaked|bGVha2Vk/);
      expectNoSecrets(detail.text);
    }
  });
});
