import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { OnWebhook } from '../../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../../src/dispatch/webhook-event';
import { githubHeaders } from '../../helpers/github';
import { isolatedSchemaUrl } from '../../helpers/pg-database';
import {
  createTestApp,
  postRaw,
  testConfig,
  testDatabaseUrl,
  TestApp,
  waitFor,
} from '../../helpers/test-app';

/**
 * PostgreSQL only (jest.pg.config.js): a commit in one process wakes the workers of another
 * through LISTEN/NOTIFY. The worker here polls only once a minute, so a prompt run can only
 * come from the notification.
 */
const SECRET = 'github-test-secret';
const handledAt = new Map<string, number>();

@Injectable()
class TimingHandler {
  @OnWebhook('github', 'push', { name: 'timing' })
  handle(event: WebhookEvent) {
    handledAt.set(event.id, Date.now());
  }
}

describe('LISTEN/NOTIFY wake-up across processes', () => {
  let api: TestApp;
  let worker: TestApp;
  let url: string;

  beforeAll(async () => {
    url = await isolatedSchemaUrl(testDatabaseUrl());
    const config = (role: string) =>
      testConfig({ role, database: { url }, dispatch: { pollIntervalMs: 60_000 } });
    api = await createTestApp(config('api'), { providers: [TimingHandler] });
    worker = await createTestApp(config('worker'), { providers: [TimingHandler] });
    // The worker's first loop (at start-up) has run; from now on it sleeps a minute.
    await new Promise((r) => setTimeout(r, 300));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  async function sendAndTime(): Promise<number> {
    const body = JSON.stringify({ ref: 'refs/heads/main', at: Date.now() });
    const sentAt = Date.now();
    const res = await postRaw(
      api,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push'),
      body,
    );
    expect(res.status).toBe(200);
    await waitFor(() => handledAt.has(res.body.id), 5_000, 'the worker to be woken');
    return handledAt.get(res.body.id)! - sentAt;
  }

  it('runs a delivery stored by another process at once', async () => {
    const latencies = [await sendAndTime(), await sendAndTime(), await sendAndTime()];
    process.stdout.write(`NOTIFY wake-up: request to handler run ${latencies.join(', ')} ms\n`);
    for (const ms of latencies) expect(ms).toBeLessThan(2_000);
  });

  it('reconnects its LISTEN connection after losing it, and wakes the worker again', async () => {
    const admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      const { rowCount } = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE application_name = 'hookgate-notify' AND datname = current_database()`,
      );
      expect(rowCount).toBeGreaterThanOrEqual(2); // the api's and the worker's
    } finally {
      await admin.end();
    }
    await new Promise((r) => setTimeout(r, 1_500)); // reconnects after 1 s
    expect(await sendAndTime()).toBeLessThan(2_000);
  });
});
