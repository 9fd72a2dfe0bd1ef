import { Injectable } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { tail } from '../../src/cli/commands/tail';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { StoreEvents } from '../../src/store/store-events';
import { captureIo, expectOneLineError, runHookgate } from '../helpers/cli';
import { postGithub } from '../helpers/github';
import { ADMIN_TOKEN, createTestApp, testConfig, waitFor, type TestApp } from '../helpers/test-app';

@Injectable()
class PushHandler {
  @OnWebhook('github', 'push', { name: 'push-ok' })
  handle(): void {}
}

describe('hookgate tail', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await createTestApp(testConfig(), { providers: [PushHandler] });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('prints a line for a new delivery and one for its run, filtered', async () => {
    const { io, captured } = captureIo();
    const ctx = { io, exitCode: 0 };
    const controller = new AbortController();
    const following = tail(ctx, { url, token: ADMIN_TOKEN, type: 'push' }, controller.signal);
    // Events are live only: the stream must be open before the deliveries arrive.
    await waitFor(() => t.app.get(StoreEvents).watched, 5000, 'the stream to open');
    await postGithub(t, 'github-test-secret', '{"action":"opened"}', 'issues');
    const res = await postGithub(t, 'github-test-secret', '{"ref":"refs/heads/main"}', 'push');
    const id = res.body.id as string;
    await waitFor(() => captured.stdout.includes('succeeded'), 5000, 'the run line');
    controller.abort();
    await following;
    const lines = captured.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`stored\\s+github/acme push ${id}$`));
    expect(lines[1]).toMatch(
      new RegExp(`succeeded github/acme push ${id} push-ok \\(attempt 1\\)$`),
    );
  });

  it('a wrong token stops at once with one line', async () => {
    const result = await runHookgate(['tail', '--url', url, '--token', 'wrong']);
    expect(result.code).toBe(1);
    expectOneLineError({ ...result, stderr: result.stderr.replace(/^Following.*\n/, '') }, /401/);
  });
});
