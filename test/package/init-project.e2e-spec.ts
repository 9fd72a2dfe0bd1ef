import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initProject } from '../../src/cli/init';
import { freePort } from '../helpers/gateway-process';
import { installOffline, packInto, ROOT, writeOfflineLockfile } from './offline-install';

const SECRET = 'init-project-github-secret';
const npmAvailable = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0;
// `npm start` runs `hookgate start`: the package's bin. Until the CLI is part of the package,
// there is nothing to start (see the skip reason).
const hasCli = Boolean(
  (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin?: unknown }).bin,
);
const ready = npmAvailable && hasCli;
if (!ready) {
  console.warn(
    `skipped: ${npmAvailable ? 'package.json has no bin (the hookgate CLI)' : 'npm is not available'}`,
  );
}

async function eventually(
  check: () => boolean,
  what: string,
  ms = 30_000,
  detail?: () => string,
): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until)
      throw new Error(`timed out waiting for ${what}${detail ? `:\n${detail()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// What a user does after `npx hookgate init`: install, start, and see the generated handler run.
(ready ? describe : describe.skip)('a project made by hookgate init', () => {
  let parent: string;
  let dir: string;
  let gateway: ChildProcess;
  let output = '';
  let base: string;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'hookgate-init-e2e-'));
    const tarball = packInto(parent);
    dir = join(parent, 'gateway');
    initProject(dir, { hookgateSpec: `file:../${tarball}` });
    writeOfflineLockfile(dir, `../${tarball}`);
    installOffline(dir);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    // Its own process group, so the test can stop npm and the gateway it started together.
    gateway = spawn('npm', ['start'], {
      cwd: dir,
      detached: true,
      env: {
        ...process.env,
        NO_COLOR: '1',
        PORT: String(port),
        HOOKGATE_ADMIN_TOKEN: 'init-project-admin-token-0123',
        GITHUB_WEBHOOK_SECRET: SECRET,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    gateway.stdout!.on('data', (chunk) => (output += chunk));
    gateway.stderr!.on('data', (chunk) => (output += chunk));
    await eventually(
      () => output.includes('Listening on port'),
      'the gateway to listen',
      120_000,
      () => output,
    );
  }, 600_000);

  afterAll(async () => {
    if (gateway?.pid && gateway.exitCode === null) {
      const exited = new Promise((resolve) => gateway.once('exit', resolve));
      process.kill(-gateway.pid, 'SIGTERM');
      await exited;
    }
    if (parent) rmSync(parent, { recursive: true, force: true });
  });

  it('builds the handler and runs it for a signed GitHub push', async () => {
    const body = JSON.stringify({
      ref: 'refs/heads/main',
      repository: { full_name: 'acme/site' },
      commits: [],
    });
    const res = await fetch(`${base}/webhooks/github/main`, {
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
    await eventually(
      () => output.includes('push to acme/site refs/heads/main'),
      'the handler to run',
    );
    expect(readdirSync(join(dir, 'dist', 'handlers'))).toContain('github-push.handler.js');
  });
});
