import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { signWebhook } from '../../src/testing';
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
import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, type TestApp } from '../helpers/test-app';

const SLACK_SECRET = 'slack-signing-secret-0123456789';
const PUSH = {
  ref: 'refs/heads/main',
  pusher: { name: 'ada' },
  commits: [{ id: 'c0ffee', message: 'Fix the flux capacitor' }],
};

describe('dashboard in Chromium: a delivery', () => {
  let t: TestApp;
  let ui: DashboardBrowser;
  let page: Page;
  let pushId: string;
  const timeline = () => page.locator('.timeline__item').allInnerTexts();
  const runRow = (handler: string) => page.locator(`tr[data-handler="${handler}"]`);
  const confirmIn = (name: string) =>
    page.getByRole('dialog').getByRole('button', { name, exact: true }).click();

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        dispatch: {
          pollIntervalMs: 50,
          retry: { maxAttempts: 3, initialDelayMs: 60_000, maxDelayMs: 60_000 },
        },
        endpoints: [
          { provider: 'github', id: 'acme', secrets: [GITHUB_SECRET] },
          // Forwards to a closed port: its run fails and waits for its next attempt.
          {
            provider: 'github',
            id: 'mirror',
            secrets: [GITHUB_SECRET],
            forward: [{ url: 'http://127.0.0.1:9/hooks' }],
          },
          { provider: 'slack', id: 'app', secrets: [SLACK_SECRET] },
        ],
      }),
      { providers: [DashboardTestHandlers], overrides: [dashboardOverride()] },
    );
    pushId = await sendGithub(t, 'push', PUSH, 'push-detail');
    await settled(t, pushId, auth);
    ui = await openDashboard(t);
    page = await ui.newPage();
    await ui.signIn(page);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  it('opens from the list: envelope, runs, attempts, payload tree and headers', async () => {
    await page
      .locator('tr', { hasText: 'push-detail' })
      .getByRole('link', { name: 'push' })
      .click();
    await page.waitForURL(`**/admin/ui/deliveries/${pushId}`);
    await page.getByRole('heading', { level: 1, name: /push/ }).waitFor();
    await page.locator('.envelope', { hasText: 'push-detail' }).waitFor();
    await runRow('Notify.onPush').getByText('succeeded', { exact: true }).waitFor();
    await eventually(async () => (await timeline()).length, 1);
    expect((await timeline())[0]).toMatch(/succeeded[\s\S]*attempt 1[\s\S]*Notify\.onPush/);

    const payload = page.locator('.json');
    await payload.getByText('"refs/heads/main"').waitFor();
    await payload.getByText('"Fix the flux capacitor"').waitFor();
    // Objects fold: the commits array closes and opens from the keyboard.
    const commits = payload.locator('summary', { hasText: 'commits' });
    await commits.focus();
    await page.keyboard.press('Enter');
    await payload.getByText('"Fix the flux capacitor"').waitFor({ state: 'hidden' });
    await page.keyboard.press('Enter');
    await payload.getByText('"Fix the flux capacitor"').waitFor();

    const headers = page.locator('section', { hasText: 'Headers' }).locator('table');
    await headers.locator('tr', { hasText: 'x-github-event' }).getByText('push').waitFor();
    // Neither the endpoint's secret nor the admin token is anywhere on the page.
    const content = await page.content();
    expect(content).not.toContain(GITHUB_SECRET);
    expect(content).not.toContain(ADMIN_TOKEN);
    await ui.screenshot(page, 'delivery');
  });

  it('downloads the raw body byte for byte', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download raw body' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${pushId}.json`);
    expect(readFileSync(await download.path()).toString('utf8')).toBe(JSON.stringify(PUSH));
  });

  it('replays the delivery after confirming, and the new attempt appears', async () => {
    await page.getByRole('button', { name: 'Replay delivery' }).click();
    await page.getByRole('dialog').getByText('Every handler that matches').waitFor();
    await confirmIn('Replay');
    await page.getByRole('status').filter({ hasText: 'Replay queued for 1 handler.' }).waitFor();
    await eventually(async () => (await timeline()).length, 2);
    expect((await timeline())[1]).toMatch(/succeeded[\s\S]*attempt 1/);
    await ui.screenshot(page, 'delivery-replayed', 'dashboard-delivery');
  });

  it('shows a dead run with its error and stack, retries it, and shows it succeed', async () => {
    tracker.down = true;
    const id = await sendGithub(t, 'issues', { action: 'opened', issue: { number: 7 } }, 'issue-7');
    await settled(t, id, auth);
    await page.goto(`${ui.origin}/admin/ui/deliveries/${id}`);
    const run = runRow('Tracker.onIssue');
    await run.getByText('dead', { exact: true }).waitFor();
    await run
      .locator('.error-text__message', { hasText: 'tracker is down: 503 from tracker.internal' })
      .waitFor();
    await run.locator('summary', { hasText: 'Stack' }).click();
    await run.locator('pre', { hasText: 'PermanentFailure' }).waitFor();
    await ui.screenshot(page, 'delivery-dead');

    tracker.down = false;
    await run.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('dialog').getByText('fresh attempt count').waitFor();
    await confirmIn('Retry run');
    await run.getByRole('status').filter({ hasText: 'Retry queued.' }).waitFor();
    // The outcome arrives through the live events: no reload.
    await run.getByText('succeeded', { exact: true }).waitFor();
    await eventually(async () => (await timeline()).length, 2);
    const [first, second] = await timeline();
    expect(first).toMatch(/dead[\s\S]*tracker is down/);
    expect(second).toMatch(/succeeded/);

    await run.getByRole('button', { name: 'Replay' }).click();
    await confirmIn('Replay handler');
    await eventually(async () => (await timeline()).length, 3);
  });

  it('shows a forward target by where it forwards, failing, with its next attempt', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/mirror' });
    const res = await postRaw(
      t,
      '/webhooks/github/mirror',
      githubHeaders(GITHUB_SECRET, body, 'push'),
      body,
    );
    expect(res.status).toBe(200);
    await page.goto(`${ui.origin}/admin/ui/deliveries/${res.body.id}`);
    const run = runRow('forward:mirror:http://127.0.0.1:9/hooks');
    const handler = run.locator('td[data-label="Handler"]');
    await handler.getByText('forward', { exact: true }).waitFor();
    await handler.getByText('http://127.0.0.1:9/hooks').waitFor();
    await run.getByText('failed', { exact: true }).waitFor();
    await run
      .locator('td[data-label="Next attempt"]')
      .getByText(/in \d+ seconds|in 1 minute/)
      .waitFor();
    await run.locator('.error-text__message').waitFor();
    await runRow('Notify.onPush').getByText('succeeded', { exact: true }).waitFor();
    await ui.screenshot(page, 'delivery-forward');
  });

  it('shows a form body as a table of its fields', async () => {
    const form =
      'command=%2Fdeploy&text=production&user_name=ada&trigger_id=13345224609.8534564800.6f8ab1f53e13d0cd15f96106292d5536';
    const signed = signWebhook('slack', {
      secret: SLACK_SECRET,
      body: form,
      contentType: 'application/x-www-form-urlencoded',
    });
    const res = await postRaw(t, '/webhooks/slack/app', { ...signed.headers }, signed.body);
    expect(res.status).toBe(200);
    const id = res.headers['x-hookgate-delivery-id'];
    await page.goto(`${ui.origin}/admin/ui/deliveries/${id}`);
    const fields = page.locator('section', { hasText: 'Payload' }).locator('table');
    await fields.locator('tr', { hasText: 'command' }).getByText('/deploy').waitFor();
    await fields.locator('tr', { hasText: 'text' }).getByText('production').waitFor();
    await ui.screenshot(page, 'delivery-form');
  });

  it('reads at phone width', async () => {
    const phone = await ui.newPage(PHONE);
    await ui.signIn(phone);
    await phone.goto(`${ui.origin}/admin/ui/deliveries/${pushId}`);
    await phone.locator('.json').getByText('"refs/heads/main"').waitFor();
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      PHONE.width,
    );
    await ui.screenshot(phone, 'delivery-phone');
    await phone.close();
    expect(ui.problems()).toEqual([]);
  });
});
