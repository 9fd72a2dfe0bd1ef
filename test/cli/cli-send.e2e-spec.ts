import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth } from '../helpers/dispatch';
import { expectOneLineError, runHookgate } from '../helpers/cli';
import { freePort } from '../helpers/gateway-process';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

const SECRETS = {
  github: 'github-test-secret',
  stripe: 'whsec_cli-test-secret',
  slack: 'slack-cli-signing-secret',
};

/** `hookgate send` signs with the testing kit (hookgate/testing) and posts to a real app. */
describe('hookgate send', () => {
  let t: TestApp;
  let base: string;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookgate-send-'));
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'github', id: 'acme', secrets: [SECRETS.github] },
          { provider: 'stripe', id: 'shop', secrets: [SECRETS.stripe] },
          { provider: 'slack', id: 'app', secrets: [SECRETS.slack] },
        ],
      }),
    );
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['github', 'acme', ['push']],
    ['stripe', 'shop', []],
    ['slack', 'app', []],
  ])('%s: the sample is accepted and stored (exit 0)', async (provider, id, type) => {
    const secret = SECRETS[provider as keyof typeof SECRETS];
    const url = `${base}/webhooks/${provider}/${id}`;
    const result = await runHookgate(['send', provider, ...type, '--url', url, '--secret', secret]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^20\d /);
    const stored = await t.http().get(`/admin/deliveries?provider=${provider}`).set(auth);
    expect(stored.body.items.length).toBeGreaterThan(0);
  });

  it('--payload sends the file as it is; --json prints status and body', async () => {
    const file = join(dir, 'push.json');
    writeFileSync(file, '{"ref":"refs/heads/cli-payload"}');
    const url = `${base}/webhooks/github/acme`;
    const args = ['send', 'github', 'push', '--url', url, '--secret', SECRETS.github];
    const result = await runHookgate([...args, '--payload', file, '--json']);
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as { status: number; body: string };
    expect(answer.status).toBe(200);
    const { id } = JSON.parse(answer.body) as { id: string };
    const shown = await t.http().get(`/admin/deliveries/${id}`).set(auth);
    expect(shown.body.payload).toEqual({ ref: 'refs/heads/cli-payload' });
  });

  it('a rejected delivery prints the answer and exits 1', async () => {
    const url = `${base}/webhooks/github/acme`;
    const result = await runHookgate(['send', 'github', '--url', url, '--secret', 'wrong']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^401 Unauthorized/);
  });

  it('an unreachable URL is one line', async () => {
    const url = `http://127.0.0.1:${await freePort()}/webhooks/github/acme`;
    const result = await runHookgate(['send', 'github', '--url', url, '--secret', 's']);
    expectOneLineError(
      result,
      /^hookgate: Cannot reach http:\/\/127\.0\.0\.1:\d+\/webhooks\/github\/acme: ECONNREFUSED\.$/,
    );
  });

  it('an unreadable --payload file is one line', async () => {
    const args = ['send', 'github', '--url', base, '--secret', 's', '--payload', join(dir, 'no')];
    expectOneLineError(await runHookgate(args), /Cannot read --payload .*no: ENOENT/);
  });
});
