import { Injectable } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnWebhook } from '../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../src/dispatch/webhook-event';
import { deliveryDetail } from './helpers/dispatch';
import { githubHeaders } from './helpers/github';
import { createTestApp, postRaw, testConfig, waitFor } from './helpers/test-app';

const SECRET = 'github-test-secret';
const progress = {
  started: [] as number[],
  finished: [] as number[],
  /** Why event.signal aborted, per aborted attempt. */
  aborted: [] as string[],
  durationMs: 300,
};

@Injectable()
class SlowHandler {
  @OnWebhook('github', 'push', { name: 'slow' })
  async handle(event: WebhookEvent) {
    progress.started.push(event.attempt);
    event.signal.addEventListener('abort', () =>
      progress.aborted.push((event.signal.reason as Error).message),
    );
    await new Promise((r) => setTimeout(r, progress.durationMs));
    progress.finished.push(event.attempt);
  }
}

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function run(file: string, shutdownGraceMs: number) {
    const config = testConfig({
      database: { url: `sqlite:${join(dir, file)}` },
      dispatch: { pollIntervalMs: 20, shutdownGraceMs },
    });
    return createTestApp(config, { providers: [SlowHandler] });
  }

  beforeEach(() => {
    progress.started = [];
    progress.finished = [];
    progress.aborted = [];
  });

  it('lets an in-flight run finish within the grace period and records it', async () => {
    progress.durationMs = 300;
    const t = await run('finish.sqlite', 5000);
    const body = '{"ref":"refs/heads/main"}';
    const { body: ack } = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push'),
      body,
    );
    await waitFor(() => progress.started.length === 1);
    await t.close();
    expect(progress.finished).toEqual([1]);
    expect(progress.aborted).toEqual([]);

    const again = await run('finish.sqlite', 5000);
    try {
      const detail = await deliveryDetail(again, ack.id);
      expect(detail.runs).toEqual([
        expect.objectContaining({ handler: 'slow', status: 'succeeded', attempts: 1 }),
      ]);
      await new Promise((r) => setTimeout(r, 200));
      expect(progress.started).toEqual([1]); // not run again
    } finally {
      await again.close();
    }
  });

  it('releases a run still in flight after the grace period, so the next start runs it again as the same attempt', async () => {
    progress.durationMs = 1500;
    const t = await run('release.sqlite', 100);
    const body = '{"ref":"refs/heads/slow"}';
    const { body: ack } = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push'),
      body,
    );
    await waitFor(() => progress.started.length === 1);
    await t.close();
    expect(progress.finished).toEqual([]);
    // The handler was told to stop: its work will be done again by the next start.
    expect(progress.aborted).toEqual(['The gateway shut down before the run finished.']);

    progress.durationMs = 10;
    const again = await run('release.sqlite', 100);
    try {
      await waitFor(async () => (await deliveryDetail(again, ack.id)).status === 'succeeded');
      expect(progress.started).toEqual([1, 1]);
    } finally {
      await again.close();
    }
  });
});
