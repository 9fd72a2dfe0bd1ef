import { isDeepStrictEqual } from 'node:util';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_TOKEN, type TestApp } from './test-app';

const ROOT = join(__dirname, '..', '..');
/** Debian's Chromium (`apt-get install chromium`; .ci/run installs it when missing). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Without the background-networking flags Chromium keeps calling hosts a closed network lacks. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Screenshots of each page, kept as test artefacts (gitignored). */
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'ui');
/** With DASHBOARD_README_SCREENSHOTS=1 the README's screenshots are written again. */
const README_IMAGES = join(ROOT, 'docs', 'images');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export interface DashboardBrowser {
  /** The gateway's origin, e.g. http://127.0.0.1:41234. */
  origin: string;
  /** A new tab: its own sessionStorage, so signed out. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  signIn(page: Page, token?: string): Promise<void>;
  screenshot(page: Page, name: string, readmeName?: string): Promise<void>;
  /** Let pages use the clipboard (the copy buttons). */
  grantClipboard(): Promise<void>;
  /** Script errors and CSP refusals seen so far: a working page has none. */
  problems(): string[];
  close(): Promise<void>;
}

/** Listen on a loopback port and open Chromium with a fresh profile on it. */
export async function openDashboard(t: TestApp): Promise<DashboardBrowser> {
  await t.app.listen(0, '127.0.0.1');
  const { port } = t.app.getHttpServer().address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const profile = mkdtempSync(join(tmpdir(), 'hookgate-ui-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: DESKTOP,
    acceptDownloads: true,
  });
  const problems: string[] = [];
  mkdirSync(ARTIFACTS, { recursive: true });

  const browser: DashboardBrowser = {
    origin,
    async newPage(viewport = DESKTOP) {
      const page = await context.newPage();
      await page.setViewportSize(viewport);
      // Below jest's own timeout, so a wait that fails names what it waited for.
      page.setDefaultTimeout(10_000);
      page.on('console', (message) => {
        // An error answer the page handles (a refused token) is logged by Chromium too.
        const answered = message.text().startsWith('Failed to load resource');
        if (message.type() === 'error' && !answered) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      return page;
    },
    async signIn(page, token = ADMIN_TOKEN) {
      await page.goto(`${origin}/admin/ui/`);
      await page.getByLabel('Admin token').fill(token);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Deliveries' }).waitFor();
    },
    async screenshot(page, name, readmeName) {
      // The whole page, but at most a few screens of it (a long list at phone width).
      const height = Math.min(await page.evaluate('document.documentElement.scrollHeight'), 3000);
      const { width } = page.viewportSize() ?? DESKTOP;
      await page.screenshot({
        path: join(ARTIFACTS, `${name}.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width, height: height as number },
      });
      if (readmeName && process.env.DASHBOARD_README_SCREENSHOTS === '1') {
        await page.screenshot({ path: join(README_IMAGES, `${readmeName}.png`) });
      }
    },
    grantClipboard: () =>
      context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }),
    problems: () => [...problems],
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

/** What the page keeps and where focus is (read in the page: the tests' types have no DOM). */
export function pageState(
  page: Page,
): Promise<{ session: string[]; local: number; cookie: string; focusedId: string | null }> {
  return page.evaluate(`({
    session: Object.values(sessionStorage),
    local: localStorage.length,
    cookie: document.cookie,
    focusedId: document.activeElement ? document.activeElement.id || null : null,
  })`);
}

/** Read until the value equals `expected` (the page updates on its own), then assert it. */
export async function eventually<T>(
  read: () => Promise<T>,
  expected: T,
  timeoutMs = 5_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!isDeepStrictEqual(value, expected) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  expect(value).toEqual(expected);
}
