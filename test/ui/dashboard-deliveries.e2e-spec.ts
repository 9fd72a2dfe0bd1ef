import type { Page } from 'playwright-core';
import { auth } from '../helpers/dispatch';
import { dashboardOverride } from '../helpers/dashboard-build';
import {
  eventually,
  openDashboard,
  PHONE,
  type DashboardBrowser,
} from '../helpers/dashboard-browser';
import { DashboardTestHandlers, sendGithub, settled } from '../helpers/dashboard-handlers';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

/** The rows the list shows now, as their provider delivery ids. */
async function shownIds(page: Page): Promise<string[]> {
  return page.locator('table.deliveries tbody tr td:nth-child(5)').allInnerTexts();
}

describe('dashboard in Chromium: the deliveries list', () => {
  let t: TestApp;
  let ui: DashboardBrowser;
  let page: Page;

  beforeAll(async () => {
    t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 50 } }), {
      providers: [DashboardTestHandlers],
      overrides: [dashboardOverride()],
    });
    for (let i = 1; i <= 3; i++) {
      await sendGithub(t, 'push', { ref: 'refs/heads/main', n: i }, `push-${i}`);
    }
    await sendGithub(t, 'star', { action: 'created', starred_at: null }, 'star-1');
    await sendGithub(t, 'pull_request', { action: 'opened', number: 42 }, 'pr-42');
    await sendGithub(
      t,
      'release',
      { action: 'published', release: { tag_name: 'v1.4.0' } },
      'rel-1',
    );
    for (let i = 1; i <= 2; i++) {
      const id = await sendGithub(
        t,
        'issues',
        { action: 'opened', issue: { number: i } },
        `issue-${i}`,
      );
      await settled(t, id, auth);
    }
    ui = await openDashboard(t);
    page = await ui.newPage();
    await ui.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  it('lists the deliveries sent through the gateway, newest first, status in words', async () => {
    await page.locator('table.deliveries tbody tr').nth(7).waitFor();
    expect(await shownIds(page)).toEqual([
      'issue-2',
      'issue-1',
      'rel-1',
      'pr-42',
      'star-1',
      'push-3',
      'push-2',
      'push-1',
    ]);
    const issue = page.locator('tr', { hasText: 'issue-1' });
    await issue.getByText('dead', { exact: true }).waitFor();
    const push = page.locator('tr', { hasText: 'push-1' });
    await push.getByText('succeeded', { exact: true }).waitFor();
    await ui.screenshot(page, 'deliveries', 'dashboard-deliveries');
  });

  it('filters by status and by type, in the URL, and clears', async () => {
    await page.getByLabel('Status').selectOption('dead');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=dead/);
    await eventually(() => shownIds(page), ['issue-2', 'issue-1']);

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Type').fill('push');
    await page.getByLabel('Type').press('Enter');
    await page.waitForURL(/type=push/);
    await eventually(() => shownIds(page), ['push-3', 'push-2', 'push-1']);
    await ui.screenshot(page, 'deliveries-filtered');

    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(async () => (page.url().includes('?') ? 'filtered' : 'all'), 'all');
    await eventually(async () => (await shownIds(page)).length, 8);
  });

  it('filters by when deliveries were received', async () => {
    await page.getByLabel('Received').selectOption('15m');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/since=15m/);
    await eventually(async () => (await shownIds(page)).length, 8);
    await page.getByLabel('Received').selectOption('custom');
    await page.getByLabel('From').fill('2020-01-01T00:00:00');
    await page.getByLabel('To').fill('2020-01-02T00:00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByText('No delivery matches these filters.').waitFor();
    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(async () => (await shownIds(page)).length, 8);
  });

  it('finds a delivery by the beginning of its provider delivery id', async () => {
    await page.getByLabel('Provider delivery id').fill('issue-');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(() => shownIds(page), ['issue-2', 'issue-1']);
    await page.getByRole('button', { name: 'Clear' }).click();
    await eventually(async () => (await shownIds(page)).length, 8);
  });

  it('shows a new delivery live, without a reload', async () => {
    await page.evaluate('window.__notReloaded = true');
    await sendGithub(t, 'push', { ref: 'refs/heads/live' }, 'live-1');
    await page.locator('tr', { hasText: 'live-1' }).waitFor({ timeout: 5_000 });
    expect((await shownIds(page))[0]).toBe('live-1');
    expect(await page.evaluate('window.__notReloaded')).toBe(true);
    await page.locator('.live', { hasText: 'Live' }).waitFor();
  });

  it('polls when the event stream is unavailable, and says so', async () => {
    const polling = await ui.newPage();
    // As behind a proxy that buffers or drops the stream.
    await polling.route('**/admin/events', (route) => route.abort());
    await ui.signIn(polling);
    await polling.locator('.live', { hasText: 'Polling' }).waitFor();
    await sendGithub(t, 'push', { ref: 'refs/heads/polled' }, 'polled-1');
    await polling.locator('tr', { hasText: 'polled-1' }).waitFor({ timeout: 8_000 });
    await polling.close();
  });

  it('pages older deliveries by cursor', async () => {
    for (let i = 1; i <= 52; i++)
      await sendGithub(t, 'ping', { zen: 'Keep it simple', n: i }, `ping-${i}`);
    await page.getByLabel('Type').fill('ping');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await eventually(async () => (await shownIds(page))[0], 'ping-52');
    expect(await shownIds(page)).toHaveLength(50);
    await page.getByRole('button', { name: 'Older' }).click();
    await page.waitForURL(/cursor=/);
    await eventually(() => shownIds(page), ['ping-2', 'ping-1']);
    await page.getByRole('button', { name: 'Newer' }).click();
    await eventually(async () => (await shownIds(page))[0], 'ping-52');
  });

  it('reads at phone width: rows become labelled cards', async () => {
    const phone = await ui.newPage(PHONE);
    await ui.signIn(phone);
    await phone.locator('tr', { hasText: 'ping-52' }).waitFor();
    const width = await phone.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await ui.screenshot(phone, 'deliveries-phone');
    await phone.close();
    expect(ui.problems()).toEqual([]);
  });
});
