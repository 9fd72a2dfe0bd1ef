import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildGateway, freePort } from '../helpers/gateway-process';

/** The built CLI as a user runs it: few cases, since each spawn costs a Node start-up. */
describe('the built hookgate command', () => {
  let build: ReturnType<typeof buildGateway>;
  let cli: string;
  let dir: string;
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [cli, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', ...env },
      timeout: 30_000,
    });

  beforeAll(() => {
    build = buildGateway();
    cli = join(dirname(build.main), 'cli', 'main.js');
    dir = mkdtempSync(join(tmpdir(), 'hookgate-cli-process-'));
  }, 120_000);
  afterAll(() => {
    build?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts with a shebang, answers --help and --version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: hookgate \[options\] \[command\]/);
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('bad input: one line on stderr, non-zero exit, no stack trace', () => {
    const unknown = run(['send', 'githb', '--url', 'http://127.0.0.1:9/x', '--secret', 's']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/Unknown provider/)]);
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'port: "many"\n');
    const invalid = run(['config', 'check', file]);
    expect(invalid.status).toBe(78);
    expect(invalid.stderr.trim().split('\n')).toEqual([expect.stringMatching(/port/)]);
    expect(unknown.stderr + invalid.stderr).not.toMatch(/\n\s+at /);
  });

  it('migrate, then start --config serves the gateway', async () => {
    const port = await freePort();
    const config = join(dir, 'hookgate.yaml');
    writeFileSync(
      config,
      `port: ${port}\ndatabase: { url: "sqlite:${join(dir, 'store.db')}" }\n` +
        'endpoints:\n  - { provider: github, id: acme, secrets: [a-secret-of-the-test] }\n',
    );
    const migrated = run(['migrate', '--config', config]);
    expect(migrated.status).toBe(0);
    const gateway = spawn(process.execPath, [cli, 'start', '--config', config], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    gateway.stdout.on('data', (chunk) => (output += chunk));
    gateway.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise((resolve) => gateway.on('exit', resolve));
    try {
      const deadline = Date.now() + 20_000;
      let status = 0;
      // Health answers before the listening line is flushed: wait for both.
      const listening = () => output.includes(`Listening on port ${port}`);
      while (
        (status !== 200 || !listening()) &&
        Date.now() < deadline &&
        gateway.exitCode === null
      ) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (res) => res.status,
          () => 0,
        );
        if (status !== 200 || !listening())
          await new Promise((resolve) => setTimeout(resolve, 100));
      }
      if (status !== 200) throw new Error(`The gateway did not start:\n${output}`);
    } finally {
      gateway.kill('SIGTERM');
      await exited;
    }
    expect(output).toContain(`Listening on port ${port}`);
  }, 60_000);
});
