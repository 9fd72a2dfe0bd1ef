import type { Page } from 'playwright-core';
import { AckLatencySampler } from '../../src/observability/ack-latency-sampler';
import { auth } from '../helpers/dispatch';
import { dashboardOverride } from '../helpers/dashboard-build';
import {
  eventually,
  openDashboard,
  PHONE,
  type DashboardBrowser,
} from '../helpers/dashboard-browser';
import {
  DashboardTestHandlers,
  GITHUB_SECRET,
  sendGithub,
  settled,
  tracker,
} from '../helpers/dashboard-handlers';
import { githubHeaders } from '../helpers/github';
import { createTestApp, postRaw, testConfig, type TestApp } from '../helpers/test-app';

describe('dashboard in Chromium: failures, endpoints, overview', () => {
  let t: TestApp;
  let ui: DashboardBrowser;
  let page: Page;
  const go = (name: string) => page.getByRole('navigation').getByRole('link', { name }).click();

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        dispatch: { pollIntervalMs: 50 },
        endpoints: [
          { provider: 'github', id: 'acme', secrets: ['github-next-secret-0123', GITHUB_SECRET] },
        ],
      }),
      { providers: [DashboardTestHandlers], overrides: [dashboardOverride()] },
    );
    tracker.down = true;
    for (let i = 1; i <= 3; i++) {
      const id = await sendGithub(t, 'issues', { action: 'opened', issue: { number: i } });
      await settled(t, id, auth);
    }
    await sendGithub(t, 'push', { ref: 'refs/heads/main' });
    const forged = JSON.stringify({ ref: 'refs/heads/evil' });
    const refused = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders('not-the-secret', forged, 'push'),
      forged,
    );
    expect(refused.status).toBe(401);
    // The gateway samples its ack latency each minute: take the sample now instead of waiting.
    await t.app.get(AckLatencySampler).sample();
    ui = await openDashboard(t);
    page = await ui.newPage();
    await ui.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  it('moves between pages from the keyboard, focus visible, heading focused', async () => {
    const failures = page.getByRole('navigation').getByRole('link', { name: 'Failures' });
    const focused = () => page.evaluate('document.activeElement.textContent');
    for (let i = 0; i < 10 && (await focused()) !== 'Failures'; i++) {
      await page.keyboard.press('Tab');
    }
    expect(await focused()).toBe('Failures');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Failures' }).waitFor();
    await eventually(async () => page.evaluate('document.activeElement.tagName'), 'H1');
    expect(await failures.getAttribute('aria-current')).toBe('page');
  });

  it('groups dead runs by handler and by error, and replays a group after a dry-run count', async () => {
    const row = page.locator('tbody tr', { hasText: 'Tracker.onIssue' });
    await row.locator('td[data-label="Dead"]', { hasText: '3' }).waitFor();
    await ui.screenshot(page, 'failures');
    await page.getByRole('button', { name: 'By error' }).click();
    await page.waitForURL(/by=error/);
    await page.locator('td[data-label="Error"]', { hasText: 'tracker is down' }).waitFor();
    await ui.screenshot(page, 'failures-by-error');

    tracker.down = false;
    await page.locator('tbody tr').first().getByRole('button', { name: 'Replay…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('3 runs match.').waitFor();
    await dialog.getByRole('button', { name: 'Replay them' }).click();
    await page.getByRole('status').filter({ hasText: '3 of 3 runs queued again.' }).waitFor();
    await page.getByText('No dead or failing run.').waitFor();
  });

  it('lists endpoints: URL to copy, traffic, refusals by reason, which secret matched', async () => {
    await ui.grantClipboard();
    await go('Endpoints');
    const row = page.locator('tbody tr', { hasText: 'github / acme' });
    const url = `${ui.origin}/webhooks/github/acme`;
    await row.getByText(url).waitFor();
    await row.getByRole('button', { name: 'Copy the URL of github / acme' }).click();
    await row.getByText('Copied').waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);

    const { body } = await t.http().get('/admin/endpoints').set(auth);
    const api = body.items.find((e: { id: string }) => e.id === 'acme');
    expect(Object.keys(api.refusals).length).toBeGreaterThan(0);
    for (const [reason, count] of Object.entries(api.refusals)) {
      await row.locator('td[data-label="Refusals"]', { hasText: `${reason}: ${count}` }).waitFor();
    }
    const secrets = row.locator('td[data-label="Secrets"]');
    await secrets.getByText('secret #1: no match').waitFor();
    await secrets.getByText(/secret #2: \d+ match/).waitFor();
    await row.locator('td[data-label="Last hour"]', { hasText: '4' }).waitFor();
    await ui.screenshot(page, 'endpoints');
  });

  it('charts deliveries, runs and ack latency over the last hour and day', async () => {
    await go('Overview');
    await page.getByRole('img', { name: /Deliveries per minute, by status/ }).waitFor();
    await page.getByRole('img', { name: /Handler runs per minute, by outcome/ }).waitFor();
    await page.getByRole('img', { name: /Ack latency/ }).waitFor();
    expect(await page.locator('.chart canvas').count()).toBe(3);
    await page.locator('.tile', { hasText: 'Deliveries, last hour' }).getByText('4').waitFor();
    await ui.screenshot(page, 'overview');

    await page.getByRole('button', { name: 'Last day' }).click();
    await page.waitForURL(/window=24h/);
    await page.getByRole('img', { name: /Deliveries per 15 minutes/ }).waitFor();
    expect(await page.getByRole('button', { name: 'Last day' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });

  it('reads every page at phone width', async () => {
    const phone = await ui.newPage(PHONE);
    await ui.signIn(phone);
    for (const [path, heading] of [
      ['failures', 'Failures'],
      ['endpoints', 'Endpoints'],
      ['overview', 'Overview'],
    ]) {
      await phone.goto(`${ui.origin}/admin/ui/${path}`);
      await phone.getByRole('heading', { level: 1, name: heading }).waitFor();
      await phone.locator('.empty, table, .chart canvas').first().waitFor();
      const width = await phone.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(PHONE.width);
      await ui.screenshot(phone, `${path}-phone`);
    }
    await phone.close();
    expect(ui.problems()).toEqual([]);
  });
});
