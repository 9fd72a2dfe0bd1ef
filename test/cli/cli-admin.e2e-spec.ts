import { Injectable } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { PermanentFailure } from '../../src/dispatch/failures';
import { expectOneLineError, runHookgate } from '../helpers/cli';
import { waitForRun } from '../helpers/dispatch';
import { freePort } from '../helpers/gateway-process';
import { postGithub } from '../helpers/github';
import { ADMIN_TOKEN, createTestApp, testConfig, type TestApp } from '../helpers/test-app';

@Injectable()
class Handlers {
  @OnWebhook('github', 'push', { name: 'push-ok' })
  push(): void {}

  @OnWebhook('github', 'issues.*', { name: 'issues-dead' })
  issues(): void {
    throw new PermanentFailure('this handler always gives up');
  }
}

describe('hookgate against the admin API', () => {
  let t: TestApp;
  let url: string;
  let pushId: string;
  let issuesId: string;
  const admin = () => ['--url', url, '--token', ADMIN_TOKEN];

  beforeAll(async () => {
    t = await createTestApp(testConfig(), { providers: [Handlers] });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const secret = 'github-test-secret';
    pushId = (await postGithub(t, secret, '{"ref":"refs/heads/main"}', 'push')).body.id;
    issuesId = (await postGithub(t, secret, '{"action":"opened"}', 'issues')).body.id;
    await waitForRun(t, pushId, 'push-ok', (run) => run.status === 'succeeded');
    await waitForRun(t, issuesId, 'issues-dead', (run) => run.status === 'dead');
  });
  afterAll(() => t.close());

  it('deliveries: a table, filters, and --json', async () => {
    const all = await runHookgate(['deliveries', ...admin()]);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^ID\s+RECEIVED\s+STATUS\s+ENDPOINT\s+TYPE$/m);
    expect(all.stdout).toMatch(
      new RegExp(`^${issuesId}\\s+\\S+\\s+dead\\s+github/acme\\s+issues.opened$`, 'm'),
    );
    const dead = await runHookgate(['deliveries', '--status', 'dead', '--json', ...admin()]);
    const page = JSON.parse(dead.stdout) as { items: { id: string }[] };
    expect(page.items.map((d) => d.id)).toEqual([issuesId]);
    const first = await runHookgate(['deliveries', '--limit', '1', ...admin()]);
    const cursor = /^More: --cursor (\S+)$/m.exec(first.stdout)![1];
    const next = await runHookgate([
      'deliveries',
      '--limit',
      '1',
      '--cursor',
      cursor,
      '--json',
      ...admin(),
    ]);
    expect((JSON.parse(next.stdout) as typeof page).items.map((d) => d.id)).toEqual([pushId]);
  });

  it('show: the delivery, its payload and runs', async () => {
    const shown = await runHookgate(['show', issuesId, ...admin()]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('"action": "opened"');
    expect(shown.stdout).toMatch(/^issues-dead\s+dead\s+1\s+-\s+PermanentFailure/m);
    const json = await runHookgate(['show', pushId, '--json', ...admin()]);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: pushId, runs: [{ handler: 'push-ok' }] });
    const missing = await runHookgate(['show', '0190a4e0-0000-7000-8000-000000000000', ...admin()]);
    expectOneLineError(missing, /answered 404: No delivery 0190a4e0/);
  });

  it('replay and retry', async () => {
    const replay = await runHookgate(['replay', pushId, '--handler', 'push-ok', ...admin()]);
    expect(replay.stdout.trim()).toBe(`Replaying ${pushId}: push-ok`);
    await waitForRun(t, pushId, 'push-ok', (run) => run.status === 'succeeded');
    const wrong = await runHookgate(['replay', pushId, '--handler', 'nope', ...admin()]);
    expectOneLineError(wrong, /answered 409: Handler "nope" is not registered/);
    const retry = await runHookgate(['retry', issuesId, 'issues-dead', '--json', ...admin()]);
    expect(JSON.parse(retry.stdout)).toEqual({ id: issuesId, handler: 'issues-dead' });
    await waitForRun(t, issuesId, 'issues-dead', (run) => run.status === 'dead');
  });

  it('replay-bulk: counts, asks, and refuses to act unasked without a terminal', async () => {
    const filter = ['--provider', 'github', '--handler', 'issues-dead', ...admin()];
    const refused = await runHookgate(['replay-bulk', ...filter]);
    expectOneLineError(refused, /^hookgate: 1 run\(s\) match; not a terminal: pass --yes/);
    const declined = await runHookgate(['replay-bulk', ...filter], { answers: [false] });
    expect(declined.questions).toEqual(['Replay 1 run(s)?']);
    expect(declined.code).toBe(1);
    const confirmed = await runHookgate(['replay-bulk', ...filter], { answers: [true] });
    expect(confirmed.stdout.trim()).toBe('Replaying 1 of 1 matching run(s).');
    await waitForRun(t, issuesId, 'issues-dead', (run) => run.status === 'dead');
    const yes = await runHookgate(['replay-bulk', '--yes', '--json', ...filter]);
    expect(JSON.parse(yes.stdout)).toEqual({ dryRun: false, matched: 1, replayed: 1 });
    const none = await runHookgate(['replay-bulk', '--provider', 'stripe', ...admin()]);
    expect(none.stdout.trim()).toBe('No runs match: nothing to replay.');
  });

  it('a wrong token is one line saying so', async () => {
    const result = await runHookgate(['deliveries', '--url', url, '--token', 'wrong-token']);
    expectOneLineError(result, /refused the admin token \(401\)/);
    expect(result.stderr).not.toContain('wrong-token');
  });

  it('an unreachable gateway is one line', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const result = await runHookgate(['deliveries', '--url', closed, '--token', ADMIN_TOKEN]);
    expectOneLineError(result, new RegExp(`Cannot reach ${closed}: ECONNREFUSED`));
  });

  it('a gateway without an admin token says where to set it', async () => {
    const bare = await createTestApp(testConfig({ admin: {} }));
    await bare.app.listen(0, '127.0.0.1');
    const port = (bare.app.getHttpServer().address() as AddressInfo).port;
    try {
      const args = ['deliveries', '--url', `http://127.0.0.1:${port}`, '--token', 'x'];
      expectOneLineError(await runHookgate(args), /is admin\.token set in the gateway config\?/);
    } finally {
      await bare.close();
    }
  });
});
