import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { OnWebhook } from '../../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../../src/dispatch/webhook-event';
import { auth } from '../../helpers/dispatch';
import { githubHeaders } from '../../helpers/github';
import {
  createTestApp,
  postRaw,
  testConfig,
  testDatabaseUrl,
  waitFor,
} from '../../helpers/test-app';

const SECRET = 'github-test-secret';
const handled = new Set<string>();

@Injectable()
class Recorder {
  @OnWebhook('github', 'push', { name: 'recorder' })
  handle(event: WebhookEvent) {
    handled.add(event.id);
  }
}

/** Kill every other connection to the test database, as a failover or an operator would. */
async function terminateBackends(): Promise<number> {
  const url = new URL(testDatabaseUrl());
  url.search = '';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const result = await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL faults (PostgreSQL pass only): connections killed under the gateway. The edge may
 * answer 503 while the pool reconnects, never a 2xx without a commit; it recovers without a
 * restart, and every acknowledged delivery is stored and handled.
 */
describe('PostgreSQL connections killed', () => {
  it('answers 200 or 503 only, recovers by itself, and loses nothing acknowledged', async () => {
    const t = await createTestApp(
      testConfig({ dispatch: { pollIntervalMs: 50, timeoutMs: 2000, leaseMs: 3000 } }),
      {
        providers: [Recorder],
      },
    );
    try {
      const acknowledged = new Set<string>();
      const statuses = new Map<number, number>();
      let killed = 0;
      for (let i = 0; i < 90; i++) {
        if (i % 30 === 10) killed += await terminateBackends();
        const body = JSON.stringify({ ref: 'refs/heads/main', i });
        const res = await postRaw(
          t,
          '/webhooks/github/acme',
          githubHeaders(SECRET, body, 'push', `pgf-${i}`),
          body,
        );
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) acknowledged.add(res.body.id);
        else expect(res.status).toBe(503);
      }
      process.stdout.write(
        `pg faults: ${killed} backends killed in 3 rounds; statuses ${JSON.stringify(Object.fromEntries(statuses))}\n`,
      );
      expect(killed).toBeGreaterThan(0);
      expect(acknowledged.size).toBeGreaterThanOrEqual(60); // it recovered, without a restart

      await waitFor(async () => (await t.http().get('/health')).status === 200, 10_000, 'health');
      await waitFor(
        async () => (await t.http().get('/health/ready')).status === 200,
        15_000,
        'ready',
      );
      for (const id of acknowledged) {
        expect((await t.http().get(`/admin/deliveries/${id}`).set(auth)).status).toBe(200);
      }
      // A run whose outcome could not be written is taken over when its (short) lease expires.
      await waitFor(
        () => [...acknowledged].every((id) => handled.has(id)),
        20_000,
        'every delivery handled',
      ).catch(async (error) => {
        const missing = [...acknowledged].filter((id) => !handled.has(id));
        for (const id of missing.slice(0, 5)) {
          const detail = await t.http().get(`/admin/deliveries/${id}`).set(auth);
          process.stdout.write(
            `unhandled ${id}: ${JSON.stringify(detail.body.runs)} status ${detail.body.status}\n`,
          );
        }
        throw error;
      });
    } finally {
      await t.close();
    }
  }, 90_000);
});
