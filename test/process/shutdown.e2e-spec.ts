import { Injectable } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { deliveryDetail } from '../helpers/dispatch';
import { githubHeaders, postGithub } from '../helpers/github';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { createTestApp, postRaw, testConfig, testDatabaseUrl, waitFor } from '../helpers/test-app';

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
    // A push to refs/heads/fast returns at once (it teaches the worker its handlers are fast).
    const fast = (event.payload as { ref?: string }).ref === 'refs/heads/fast';
    event.signal.addEventListener('abort', () =>
      progress.aborted.push((event.signal.reason as Error).message),
    );
    await new Promise((r) => setTimeout(r, fast ? 0 : progress.durationMs));
    progress.finished.push(event.attempt);
  }
}

describe('graceful shutdown', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-shutdown-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The same store for each start under one name: a SQLite file, or a PostgreSQL schema. */
  const stores = new Map<string, string>();
  async function storeUrl(name: string): Promise<string> {
    if (!isPostgresUrl(testDatabaseUrl())) return `sqlite:${join(dir, name)}`;
    if (!stores.has(name)) stores.set(name, await isolatedSchemaUrl(testDatabaseUrl()));
    return stores.get(name)!;
  }

  async function run(file: string, shutdownGraceMs: number, dispatch: object = {}) {
    const config = testConfig({
      database: { url: await storeUrl(file) },
      dispatch: { pollIntervalMs: 20, shutdownGraceMs, ...dispatch },
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

  it('gives back runs claimed ahead that never started, without counting an attempt', async () => {
    progress.durationMs = 1500;
    const file = 'claimed-ahead.sqlite';
    const dispatch = { concurrency: 1, prefetch: 8 };
    const t = await run(file, 100, dispatch);
    const post = async (ref: string) =>
      (await postGithub(t, SECRET, JSON.stringify({ ref }), 'push')).body.id as string;
    await post('refs/heads/fast');
    await waitFor(() => progress.finished.length === 1);
    const slow: string[] = [];
    for (let i = 0; i < 4; i++) slow.push(await post(`refs/heads/slow-${i}`));
    // One runs; the other three are claimed by this process and wait for its only slot.
    await waitFor(async () => {
      const details = await Promise.all(slow.map((id) => deliveryDetail(t, id)));
      return details.every((d) => d.runs[0]?.status === 'processing');
    });
    expect(progress.started).toHaveLength(2);
    await t.close();
    expect(progress.started).toHaveLength(2);

    progress.durationMs = 10;
    const again = await run(file, 100, dispatch);
    try {
      for (const id of slow)
        await waitFor(async () => (await deliveryDetail(again, id)).status === 'succeeded');
      // The interrupted run and the three that never started each run once more, as attempt 1.
      expect(progress.started).toEqual([1, 1, 1, 1, 1, 1]);
      for (const id of slow)
        expect((await deliveryDetail(again, id)).runs).toEqual([
          expect.objectContaining({ status: 'succeeded', attempts: 1 }),
        ]);
    } finally {
      await again.close();
    }
  });
});
