import { dashboardOverride } from '../helpers/dashboard-build';
import { openDashboard, pageState, type DashboardBrowser } from '../helpers/dashboard-browser';
import { postGithub } from '../helpers/github';
import { ADMIN_TOKEN, createTestApp, testConfig, type TestApp } from '../helpers/test-app';

describe('dashboard in Chromium: signing in', () => {
  let t: TestApp;
  let ui: DashboardBrowser;

  beforeAll(async () => {
    t = await createTestApp(testConfig({ dispatch: { enabled: false } }), {
      overrides: [dashboardOverride()],
    });
    ui = await openDashboard(t);
    const body = JSON.stringify({ ref: 'refs/heads/main', signed: 'in' });
    expect((await postGithub(t, 'github-test-secret', body, 'push')).status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await ui?.close();
    await t?.close();
  });

  it('refuses a wrong token with a message, and keeps it nowhere', async () => {
    const page = await ui.newPage();
    await page.goto(`${ui.origin}/admin/ui/`);
    await ui.screenshot(page, 'sign-in');
    await page.getByLabel('Admin token').fill('not-the-token-0123456789');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That token was refused' }).waitFor();
    await ui.screenshot(page, 'sign-in-refused');
    expect(page.url()).toBe(`${ui.origin}/admin/ui/`);
    expect(await pageState(page)).toMatchObject({ session: [], local: 0 });
    expect(await page.getByRole('heading', { name: 'Deliveries' }).count()).toBe(0);
    await page.close();
  });

  it('signs in from the keyboard, keeps the token in this tab only, and signs out', async () => {
    const page = await ui.newPage();
    await page.goto(`${ui.origin}/admin/ui/`);
    await page.keyboard.press('Tab');
    expect((await pageState(page)).focusedId).toBe('admin-token');
    await page.keyboard.type(ADMIN_TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Deliveries' }).waitFor();
    await page.getByRole('link', { name: 'push' }).first().waitFor();

    expect(page.url()).not.toContain(ADMIN_TOKEN);
    expect(await pageState(page)).toMatchObject({ session: [ADMIN_TOKEN], local: 0, cookie: '' });
    // A reload in the same tab stays signed in; another tab starts signed out.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Deliveries' }).waitFor();
    const other = await ui.newPage();
    await other.goto(`${ui.origin}/admin/ui/`);
    await other.getByLabel('Admin token').waitFor();
    await other.close();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Admin token').waitFor();
    expect((await pageState(page)).session).toEqual([]);
    await page.close();
    expect(ui.problems()).toEqual([]);
  });
});
