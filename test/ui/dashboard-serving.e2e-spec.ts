import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DashboardAssets } from '../../src/admin/ui/dashboard-assets';
import { builtDashboardDir, dashboardOverride } from '../helpers/dashboard-build';
import { ADMIN_TOKEN, createTestApp, testConfig, type TestApp } from '../helpers/test-app';

/** The built page's own asset URLs, read from its index.html. */
function assetUrls(dir: string): { js: string; css: string } {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  return {
    js: /<script[^>]+src="([^"]+\.js)"/.exec(html)![1],
    css: /<link[^>]+href="([^"]+\.css)"/.exec(html)![1],
  };
}

describe('dashboard: serving /admin/ui', () => {
  let t: TestApp;
  let dir: string;

  beforeAll(async () => {
    dir = builtDashboardDir();
    t = await createTestApp(testConfig({ dispatch: { enabled: false } }), {
      overrides: [dashboardOverride()],
      beforeInit: (app) => app.set('trust proxy', 'loopback'),
    });
  }, 120_000);
  afterAll(() => t.close());

  it('serves the page with revalidation, helmet headers and a CSP with nothing inline', async () => {
    const res = await t.http().get('/admin/ui');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html; charset=utf-8/i);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = res.headers['content-security-policy'];
    expect(csp.split(';').sort()).toEqual(
      [
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "object-src 'none'",
      ].sort(),
    );
    // The page needs no inline script or style: every script and sheet is a file.
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(res.text).not.toMatch(/<style|\sstyle=/i);
    expect(res.text).not.toContain(ADMIN_TOKEN);
  });

  it('asks for upgrade-insecure-requests only over TLS (a plain-HTTP gateway would load nothing)', async () => {
    const tls = await t.http().get('/admin/ui/').set('x-forwarded-proto', 'https');
    expect(tls.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const plain = await t.http().get('/admin/ui/');
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
  });

  it('answers client routes with the page, and built files with their type, cached for good', async () => {
    const page = await t.http().get('/admin/ui/deliveries/0190b2a4-0000-7000-8000-000000000000');
    expect(page.status).toBe(200);
    expect(page.text).toBe(readFileSync(join(dir, 'index.html'), 'utf8'));

    const { js, css } = assetUrls(dir);
    const script = await t.http().get(js);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toMatch(/^(application|text)\/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const sheet = await t.http().get(css);
    expect(sheet.headers['content-type']).toMatch(/^text\/css/);
    expect(sheet.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.http().get('/admin/ui/favicon.svg');
    expect(icon.headers['content-type']).toMatch(/^image\/svg\+xml/);
    expect(icon.headers['cache-control']).toBe('no-cache');
    // Conditional GET: the unchanged page is not sent again.
    const again = await t.http().get('/admin/ui').set('if-none-match', page.headers.etag);
    expect(again.status).toBe(304);
  });

  it.each([
    '/admin/ui/assets/missing-0000.js',
    '/admin/ui/assets/anything',
    '/admin/ui/nothing.css',
    '/admin/ui/%2e%2e/%2e%2e/package.json',
    '/admin/ui/..%2f..%2fpackage.json',
    '/admin/ui/%2e%2e%2f%2e%2e%2fpackage.json',
  ])('404 for %s, never the page or a file outside the build', async (path) => {
    const res = await t.http().get(path);
    expect(res.status).toBe(404);
    expect(res.text).not.toContain('<!doctype html>');
    expect(res.text).not.toContain('"name": "hookgate"');
  });

  it('keeps the admin API on its own helmet policy', async () => {
    const res = await t.http().get('/admin/deliveries');
    expect(res.status).toBe(401);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain("default-src 'none'");
  });
});

describe('dashboard: where it does not exist', () => {
  it.each([
    ['no admin token is configured', testConfig({ admin: {}, dispatch: { enabled: false } })],
    ['the process is a worker', testConfig({ role: 'worker' })],
  ])(
    '404 everywhere under /admin/ui when %s',
    async (_case, config) => {
      const t = await createTestApp(config, { overrides: [dashboardOverride()] });
      try {
        for (const path of [
          '/admin/ui',
          '/admin/ui/',
          '/admin/ui/failures',
          '/admin/ui/favicon.svg',
        ]) {
          const res = await t.http().get(path);
          expect(res.status).toBe(404);
          expect(res.text).not.toContain('<!doctype html>');
        }
      } finally {
        await t.close();
      }
    },
    120_000,
  );

  it('404, not a broken page, when the dashboard was not built', async () => {
    const t = await createTestApp(testConfig({ dispatch: { enabled: false } }), {
      overrides: [{ provide: DashboardAssets, useValue: DashboardAssets.fromDirectory(null) }],
    });
    try {
      expect((await t.http().get('/admin/ui')).status).toBe(404);
      expect((await t.http().get('/admin/ui/overview')).status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
