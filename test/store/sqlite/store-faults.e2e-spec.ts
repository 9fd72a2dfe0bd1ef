import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { OnWebhook } from '../../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../../src/dispatch/webhook-event';
import { HOOKGATE_CONNECTION } from '../../../src/store/connection';
import { StoreEntitiesRef } from '../../../src/store/store-entities.ref';
import { StoreWriteLock } from '../../../src/store/write-lock';
import { githubHeaders } from '../../helpers/github';
import {
  createTestApp,
  postRaw,
  reopenStore,
  testConfig,
  waitFor,
  type TestApp,
} from '../../helpers/test-app';

const SECRET = 'github-test-secret';

/** Gateway delivery ids each handler ran for (at least once). */
const handled = new Set<string>();

@Injectable()
class FaultHandlers {
  @OnWebhook('github', 'push', { name: 'fault-recorder' })
  async record(event: WebhookEvent) {
    handled.add(event.id);
  }
}

/**
 * Store faults on SQLite: the store fills up (max_page_count) and goes away (connection closed).
 * The edge must answer 503 with Retry-After and never a 2xx without a commit; health reports it;
 * when the store returns the gateway recovers without a restart, and every delivery acknowledged
 * before, during or after the fault is stored and reaches its handler.
 * (PostgreSQL faults, pg_terminate_backend: not covered here, see SECURITY.md.)
 */
describe('store faults (SQLite)', () => {
  let dir: string;
  let t: TestApp;
  let dataSource: DataSource;
  const acknowledged = new Set<string>();
  let refused503 = 0;
  let faultsSurvived = 0;
  let seq = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookgate-faults-'));
    t = await createTestApp(
      testConfig({
        database: { url: `sqlite:${join(dir, 'faults.sqlite')}` },
        dispatch: {
          pollIntervalMs: 50,
          timeoutMs: 500,
          leaseMs: 1000,
          retry: { maxAttempts: 50, initialDelayMs: 50, maxDelayMs: 300 },
        },
      }),
      { providers: [FaultHandlers] },
    );
    dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
    // One listening server for every request (supertest would otherwise open one per request).
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });

  /** Whatever an assertion did, the next test starts on a working store. */
  afterEach(async () => {
    if (!dataSource.isInitialized) await reopenStore(t.app, dataSource);
    await dataSource.query('PRAGMA max_page_count = 1073741823');
  });

  afterAll(async () => {
    process.stdout.write(
      `store faults: survived ${faultsSurvived}, acknowledged ${acknowledged.size}, refused with 503 ${refused503}\n`,
    );
    await t?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** One signed push; returns the status (and records acknowledged ids). Padding needs pages. */
  async function send(): Promise<number> {
    const body = JSON.stringify({ ref: 'refs/heads/main', n: ++seq, padding: 'x'.repeat(6000) });
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push', `fault-${seq}`),
      body,
    );
    if (res.status === 200) acknowledged.add(res.body.id);
    if (res.status === 503) {
      refused503++;
      expect(res.headers['retry-after']).toMatch(/^\d+$/);
    }
    return res.status;
  }

  /** Eight concurrent senders for `ms`; only 200 and 503 are acceptable answers. */
  async function load(ms: number): Promise<number[]> {
    const statuses: number[] = [];
    const until = Date.now() + ms;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() < until) statuses.push(await send());
      }),
    );
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    return statuses;
  }

  async function expectEveryAcknowledgedStoredAndHandled(): Promise<void> {
    const { Delivery } = t.app.get(StoreEntitiesRef);
    const stored = new Set(
      (await dataSource.getRepository(Delivery).find({ select: { id: true } })).map((d) => d.id),
    );
    // Regression: after SQLITE_FULL, TypeORM's shared query runner once kept a transaction
    // "open", later writes became SAVEPOINTs nobody committed, and acknowledged rows were lost.
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    await waitFor(
      () => [...acknowledged].every((id) => handled.has(id)),
      20_000,
      'every acknowledged delivery to reach its handler',
    );
    // No run left behind: nothing pending, processing or failed once the store is back.
    await waitFor(
      async () => {
        const rows: { n: number }[] = await dataSource.query(
          `SELECT COUNT(*) AS n FROM runs WHERE status <> 'succeeded'`,
        );
        return Number(rows[0].n) === 0;
      },
      20_000,
      'every run to succeed',
    );
  }

  it('before any fault: deliveries are acknowledged and handled', async () => {
    for (let i = 0; i < 10; i++) expect(await send()).toBe(200);
    expect((await t.http().get('/health')).status).toBe(200);
    await expectEveryAcknowledgedStoredAndHandled();
  });

  it('store full (max_page_count) under load: 503 with Retry-After, never a 2xx; recovers without a restart', async () => {
    const before = acknowledged.size;
    const during = load(3000);
    await new Promise((r) => setTimeout(r, 300));
    const [{ page_count: pages }] = await dataSource.query('PRAGMA page_count');
    await dataSource.query(`PRAGMA max_page_count = ${Number(pages)}`);
    await new Promise((r) => setTimeout(r, 1500));

    // While full: every write is refused, and readiness must say so (a load balancer stops
    // sending; providers retry on 503).
    expect(await send()).toBe(503);
    const ready = await t.http().get('/health/ready');
    // Regression: readiness once checked only reads, which work on a full store.
    expect(ready.status).toBe(503);

    await dataSource.query('PRAGMA max_page_count = 1073741823');
    const statuses = await during;
    expect(statuses).toContain(503);
    expect(await send()).toBe(200);
    expect((await t.http().get('/health')).status).toBe(200);
    expect(acknowledged.size).toBeGreaterThan(before);
    await expectEveryAcknowledgedStoredAndHandled();
    faultsSurvived++;
  }, 40_000);

  it('a transaction left open outside the write lock: 503, the inbox never joins it', async () => {
    // The SQLite fast path inserts in autocommit mode; inside someone else's transaction that
    // insert would be acknowledged and then vanish with the rollback.
    // Opened and closed under the lock, so that it does not race the worker's own transactions
    // on the shared connection; in between it is open and the lock is free.
    const lock = t.app.get(StoreWriteLock);
    const runner = dataSource.createQueryRunner();
    await lock.runExclusive(() => runner.startTransaction());
    try {
      expect(await send()).toBe(503);
    } finally {
      await lock.runExclusive(() => runner.rollbackTransaction());
    }
    expect(await send()).toBe(200);
    await expectEveryAcknowledgedStoredAndHandled();
  }, 40_000);

  it('store gone (connection closed): 503 with Retry-After, /health 503; recovers when it returns', async () => {
    const during = load(2500);
    await new Promise((r) => setTimeout(r, 300));
    await dataSource.destroy();
    await new Promise((r) => setTimeout(r, 1000));
    expect(await send()).toBe(503);
    expect((await t.http().get('/health')).status).toBe(503);
    expect((await t.http().get('/health/ready')).status).toBe(503);

    await reopenStore(t.app, dataSource);
    const statuses = await during;
    expect(statuses).toContain(503);
    expect(await send()).toBe(200);
    await waitFor(async () => (await t.http().get('/health')).status === 200, 5000, '/health 200');
    await waitFor(
      async () => (await t.http().get('/health/ready')).status === 200,
      10_000,
      '/health/ready 200',
    );
    await expectEveryAcknowledgedStoredAndHandled();
    faultsSurvived++;
  }, 40_000);

  it('repeated short outages: still no acknowledged delivery lost and no run stuck', async () => {
    for (let round = 0; round < 3; round++) {
      const during = load(1200);
      await new Promise((r) => setTimeout(r, 200));
      const [{ page_count: pages }] = await dataSource.query('PRAGMA page_count');
      await dataSource.query(`PRAGMA max_page_count = ${Number(pages)}`);
      await new Promise((r) => setTimeout(r, 400));
      await dataSource.query('PRAGMA max_page_count = 1073741823');
      await during;
      faultsSurvived++;
    }
    expect(await send()).toBe(200);
    await expectEveryAcknowledgedStoredAndHandled();
  }, 60_000);
});
