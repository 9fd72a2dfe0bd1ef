import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RECEIVERS } from '../../src/receivers/receivers';
import { expectOneLineError, runHookgate } from '../helpers/cli';

describe('hookgate (commands that need no gateway)', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'hookgate-cli-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every command in --help, and each command has its own --help', async () => {
    const help = await runHookgate(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['start', 'init', 'send', 'providers', 'deliveries', 'show', 'replay']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    for (const name of ['retry', 'replay-bulk', 'tail', 'config', 'migrate']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    const send = await runHookgate(['send', '--help']);
    expect(send.code).toBe(0);
    expect(send.stdout).toContain('--secret <secret>');
    const check = await runHookgate(['config', 'check', '--help']);
    expect(check.stdout).toContain('exit 78 when invalid');
  });

  it('lists every provider with aliases, scheme and handshake', async () => {
    const text = await runHookgate(['providers']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^PROVIDER\s+ALIASES\s+SCHEME\s+HANDSHAKE$/);
    expect(text.stdout).toMatch(/^azure-devops\s+vsts\s+basic\s+-$/m);
    expect(text.stdout).toMatch(/^asana\s+-\s+hmac\s+echo-header, heartbeat$/m);
    const json = await runHookgate(['providers', '--json']);
    const { items } = JSON.parse(json.stdout) as { items: { name: string }[] };
    expect(items.map((p) => p.name)).toEqual(RECEIVERS.map((r) => r.name).sort());
  });

  it('config check: a valid file is one summary line, exit 0', async () => {
    const file = join(dir, 'valid.yaml');
    writeFileSync(
      file,
      'database: { url: "sqlite::memory:" }\nadmin: { token: "${ADMIN}" }\n' +
        'endpoints:\n  - { provider: github, id: acme, secrets: ["${GH}"] }\n',
    );
    const env = { ADMIN: 'a-long-enough-admin-token-0123456789', GH: 'gh-secret-value' };
    const result = await runHookgate(['config', 'check', file], { env });
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toMatch(
      /^Valid: .*valid\.yaml: 1 endpoint\(s\) \(github\), sqlite store, role all, admin API on$/m,
    );
    expect(result.stdout).not.toContain('gh-secret-value');
    const json = await runHookgate(['config', 'check', file, '--json'], { env });
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, endpoints: 1, adminApi: true });
  });

  it('config check: prints the secret warnings start-up would log, never the secret', async () => {
    const file = join(dir, 'warned.yaml');
    writeFileSync(
      file,
      'database: { url: "sqlite::memory:" }\n' +
        'endpoints:\n  - { provider: stripe, id: shop, secrets: ["${STRIPE}"] }\n',
    );
    const env = { STRIPE: 'not-the-signing-secret' };
    const result = await runHookgate(['config', 'check', file], { env });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^Warning: endpoints\[0\]\.secrets\[0\] does not start with whsec_/),
    ]);
    const json = await runHookgate(['config', 'check', file, '--json'], { env });
    expect(JSON.parse(json.stdout).warnings).toEqual([
      expect.stringContaining('does not start with whsec_'),
    ]);
    expect(result.stdout + result.stderr + json.stdout).not.toContain('not-the-signing-secret');
  });

  it('config check: a Stripe API key where the signing secret belongs is an error, exit 78', async () => {
    const file = join(dir, 'api-key.yaml');
    writeFileSync(file, 'endpoints:\n  - { provider: stripe, id: shop, secrets: ["${STRIPE}"] }\n');
    const result = await runHookgate(['config', 'check', file], {
      env: { STRIPE: 'sk_live_0123456789abcdef' },
    });
    expectOneLineError(result, /secrets\[0\] is a Stripe secret API key \(sk_\.\.\.\)/);
    expect(result.code).toBe(78);
    expect(result.stderr).not.toContain('sk_live_0123456789abcdef');
  });

  it('config check: an invalid file names the bad field, exit 78', async () => {
    const file = join(dir, 'invalid.yaml');
    writeFileSync(file, 'endpoints:\n  - { provider: myspace, id: acme, secrets: [x] }\n');
    const result = await runHookgate(['config', 'check', file]);
    expectOneLineError(result, /endpoints\[0\]\.provider "myspace" is not a known provider/);
    expect(result.code).toBe(78);
    const missing = await runHookgate(['config', 'check', join(dir, 'nope.yaml')]);
    expectOneLineError(missing, /Cannot read the config file .*nope\.yaml/);
    expect(missing.code).toBe(78);
  });

  it('send: an unknown provider is one line with close names, before any request', async () => {
    const args = ['send', 'githb', '--url', 'http://127.0.0.1:9/x', '--secret', 's'];
    const result = await runHookgate(args);
    expectOneLineError(result, /Unknown provider "githb"\. Did you mean github/);
  });

  it('usage errors are one line and non-zero', async () => {
    expectOneLineError(await runHookgate(['bogus']), /unknown command 'bogus'/);
    expectOneLineError(await runHookgate(['send', 'github']), /required option '--url <url>'/);
    expectOneLineError(
      await runHookgate(['deliveries', '--token', 't', '--limit', '0']),
      /--limit <n>.*1 to 500/,
    );
    expectOneLineError(
      await runHookgate(['deliveries', '--url', 'http://127.0.0.1:9']),
      /No admin token: pass --token or set HOOKGATE_ADMIN_TOKEN/,
    );
  });
});
