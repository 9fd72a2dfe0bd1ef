import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startGateway, type GatewayProcess } from '../helpers/gateway-process';
import { writeHostApp } from './host-app-files';
import { installOffline, packInto, writeOfflineLockfile } from './offline-install';

const SECRET = 'host-app-github-secret';
const npmAvailable = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0;

/** Waits for `check` to hold, polling; fails with `what` after `ms`. */
async function eventually(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// The package as a user gets it: packed, installed into a new Nest app, built and started there.
// Without npm there is no package to make: the spec says so instead of failing.
(npmAvailable ? describe : describe.skip)('the npm package in a new Nest app', () => {
  let dir: string;
  let app: GatewayProcess;
  let base: string;
  const handledFile = () => join(dir, 'handled.json');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookgate-host-'));
    const tarball = packInto(dir);
    writeHostApp(dir, tarball);
    writeOfflineLockfile(dir, tarball);
    installOffline(dir);
    execFileSync(process.execPath, [join(dir, 'node_modules/typescript/bin/tsc'), '-p', dir], {
      stdio: 'pipe',
    });
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    app = startGateway(join(dir, 'dist', 'main.js'), {
      PORT: String(port),
      GITHUB_SECRET: SECRET,
      HANDLED_FILE: handledFile(),
    });
    await eventually(() => app.output().includes('host app listening'), 'the app to listen');
  }, 600_000);

  afterAll(async () => {
    if (app && app.child.exitCode === null) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships only what a user needs', () => {
    const installed = join(dir, 'node_modules', 'hookgate');
    expect(
      ['dist/index.js', 'dist/index.d.ts', 'dist/ui/index.html', 'README.md', 'LICENSE'].map(
        (file) => existsSync(join(installed, file)),
      ),
    ).toEqual([true, true, true, true, true]);
    expect(
      ['src', 'test', 'bench', 'dist/main.spec.js'].filter((file) =>
        existsSync(join(installed, file)),
      ),
    ).toEqual([]);
    // One @nestjs/core: the app's. A second copy breaks Nest's dependency injection.
    expect(existsSync(join(installed, 'node_modules', '@nestjs', 'core'))).toBe(false);
  });

  it("runs the app's handler for a signed 1 MB GitHub delivery", async () => {
    const body = JSON.stringify({
      ref: 'refs/heads/main',
      commits: [],
      padding: 'x'.repeat(1024 * 1024),
    });
    const res = await fetch(`${base}/webhooks/github/acme`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-github-delivery': randomUUID(),
        'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(res.status).toBe(200);
    await eventually(() => existsSync(handledFile()), 'the handler to run');
    const handled = JSON.parse(readFileSync(handledFile(), 'utf8')) as Record<string, unknown>;
    expect(handled).toEqual({
      id: expect.any(String),
      ref: 'refs/heads/main',
      padding: 1024 * 1024,
    });
  });

  it("keeps the app's own JSON route and its parsed body", async () => {
    const res = await fetch(`${base}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ hello: 'host' }),
    });
    expect([res.status, await res.json()]).toEqual([201, { received: { hello: 'host' } }]);
  });

  it('adds no health or metrics route to the app unless asked', async () => {
    const statuses = await Promise.all(
      ['/health', '/metrics'].map(async (path) => (await fetch(base + path)).status),
    );
    expect(statuses).toEqual([404, 404]);
    // Enabled shutdown hooks: no warning about them.
    expect(app.output()).not.toContain('Shutdown hooks are off');
  });
});
