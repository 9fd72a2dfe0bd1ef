import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { OnWebhook } from '../../../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../../../src/dispatch/webhook-event';
import { deliveryDetail } from '../../helpers/dispatch';
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
 * PostgreSQL only (jest.pg.config.js): the row locks that let many processes share the run
 * queue, seen in the SQL actually sent, and two gateways on one store running each run once.
 */
const SECRET = 'github-test-secret';
const handled = new Map<string, number>(); // delivery id -> handler runs
/** Payload `n` values whose first run fails. */
const failFirst = new Set<unknown>();
/** Payload `n` of each run, in the order they ran. */
const order: unknown[] = [];
/** How long each run takes. */
let handlerMs = 0;

@Injectable()
class CountingHandler {
  @OnWebhook('github', 'push', { name: 'count' })
  async handle(event: WebhookEvent<{ n: unknown }>) {
    handled.set(event.id, (handled.get(event.id) ?? 0) + 1);
    order.push(event.payload.n);
    if (handlerMs > 0) await new Promise((resolve) => setTimeout(resolve, handlerMs));
    if (failFirst.delete(event.payload.n)) throw new Error('first attempt fails');
  }
}

/**
 * What each connection sends, as the transactions it ran: each transaction is the list of texts
 * sent for it, one per round trip (a text may hold several statements).
 */
function recordTransactions(): { transactions: string[][]; stop: () => void } {
  const open = new Map<Client, string[]>();
  const transactions: string[][] = [];
  const original = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: unknown[]
  ) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string })?.text;
    if (typeof text === 'string') {
      if (/^(BEGIN|START TRANSACTION)\b/.test(text)) open.set(this, []);
      const texts = open.get(this);
      if (texts) {
        texts.push(text);
        if (/(^|;\n)(COMMIT|ROLLBACK)$/.test(text)) {
          transactions.push(texts);
          open.delete(this);
        }
      }
    }
    return original.apply(this, args);
  } as never);
  return { transactions, stop: () => spy.mockRestore() };
}

async function send(t: TestApp, n: unknown): Promise<string> {
  const body = JSON.stringify({ ref: 'refs/heads/main', n });
  const res = await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, 'push'), body);
  expect(res.status).toBe(200);
  return res.body.id;
}

describe('PostgreSQL run claims', () => {
  beforeEach(() => {
    handled.clear();
    failFirst.clear();
    order.length = 0;
    handlerMs = 0;
  });

  it('plans what it has room for leased to itself, in two round trips', async () => {
    // A delivery another process stored (this app's own would arrive planned and leased), waiting
    // when the worker starts: a backlog, which plannings lease as they plan it.
    const shared = await isolatedSchemaUrl(testDatabaseUrl());
    const edge = await createTestApp(
      testConfig({ database: { url: shared }, dispatch: { enabled: false } }),
    );
    const id = await send(edge, 1);
    await edge.close();
    const recorder = recordTransactions();
    const t = await createTestApp(
      testConfig({ database: { url: shared }, dispatch: { pollIntervalMs: 20 } }),
      { providers: [CountingHandler] },
    );
    try {
      await waitFor(() => handled.get(id) === 1, 10_000, 'the handler run');

      const { transactions } = recorder;
      const plan = transactions.find((tx) =>
        tx.some((text) => text.includes('INSERT INTO "runs"')),
      );
      expect(plan).toBeDefined();
      process.stdout.write(`plan transaction:\n  ${plan!.join('\n  --\n  ')}\n`);
      // Lock the unplanned deliveries, skipping those another worker holds; then write their
      // runs leased to this worker (only those written are its own), mark the deliveries
      // in flight, read them with their bodies and commit. No handler work happens inside.
      expect(plan).toHaveLength(2);
      // Each transaction turns JIT compilation and bitmap scans off first (postgres-script.ts).
      expect(plan![0]).toMatch(
        /^BEGIN;\nSET LOCAL jit = off;\nSET LOCAL enable_bitmapscan = off;\nSELECT .* FROM "deliveries" .* FOR UPDATE SKIP LOCKED$/,
      );
      expect(plan![1]).toMatch(
        /^INSERT INTO "runs" [^;]*'processing', 1, [^;]* ON CONFLICT DO NOTHING RETURNING "id";\nUPDATE "deliveries" SET "planned" = TRUE, "status" = 'processing', "attempts" = 1 WHERE [^;]*;\nSELECT [^;]* FROM "deliveries" d LEFT JOIN "delivery_bodies" b [^;]* WHERE [^;]*;\nCOMMIT$/,
      );
      // Nothing was left to claim: no turn leased and read a run.
      const reads = transactions.filter((tx) =>
        tx.some((text) => text.includes('FROM "deliveries" d ')),
      );
      expect(reads).toEqual([plan]);
      const detail = await deliveryDetail(t, id);
      expect(detail).toMatchObject({ status: 'succeeded', attempts: 1 });
      expect(detail.runs).toEqual([expect.objectContaining({ status: 'succeeded', attempts: 1 })]);
    } finally {
      recorder.stop();
      await t.close();
    }
  });

  it('claims due runs with FOR UPDATE SKIP LOCKED, in two round trips', async () => {
    // The first attempt fails; its retry, due at once, waits in the store to be claimed.
    failFirst.add('retry');
    const t = await createTestApp(
      testConfig({ dispatch: { pollIntervalMs: 20, retry: { initialDelayMs: 0 } } }),
      { providers: [CountingHandler] },
    );
    const recorder = recordTransactions();
    try {
      const id = await send(t, 'retry');
      await waitFor(() => handled.get(id) === 2, 10_000, 'the retried run');

      // The turn that leased the retry (earlier ones found nothing due).
      const claim = recorder.transactions.find((tx) =>
        tx.some((text) => text.includes('FROM "deliveries" d ')),
      );
      expect(claim).toBeDefined();
      process.stdout.write(`claim transaction:\n  ${claim!.join('\n  --\n  ')}\n`);
      // Lease the due runs (locked, skipping those another worker holds); then refresh their
      // deliveries and read the runs, then each of their deliveries once, in the text that
      // commits.
      expect(claim).toHaveLength(2);
      expect(claim![0]).toMatch(
        /^BEGIN;\nSET LOCAL jit = off;\nSET LOCAL enable_bitmapscan = off;[\s\S]*\nWITH "pending" AS MATERIALIZED .*\) UPDATE "runs" /,
      );
      for (const status of ['pending', 'failed', 'processing'])
        expect(claim![0]).toMatch(
          new RegExp(
            `\\(SELECT [^()]* FROM "runs" WHERE "status" = '${status}' [^()]* FOR UPDATE SKIP LOCKED\\)`,
          ),
        );
      expect(claim![1]).toMatch(/FOR NO KEY UPDATE;\nUPDATE "deliveries" /);
      expect(claim![1]).toMatch(
        /;\nSELECT [^;]* FROM "runs" WHERE [^;]*;\nSELECT [^;]* FROM "deliveries" d LEFT JOIN "delivery_bodies" b [^;]* WHERE [^;]*;\nCOMMIT$/,
      );
      const detail = await deliveryDetail(t, id);
      expect(detail).toMatchObject({ status: 'succeeded', attempts: 2 });
    } finally {
      recorder.stop();
      await t.close();
    }
  });

  it('does not let deliveries waiting to be planned hold a due retry back', async () => {
    // 21 deliveries stored by an edge, then a worker that plans them as it has room, leased to
    // itself (concurrency 2, nothing claimed ahead, 100 ms runs). The first one's run fails; its
    // retry is due ~250 ms in, while most deliveries still wait to be planned. A planning that
    // holds the room makes the turn beside it claim nothing; without the rule that gives the turn
    // the room until it has claimed, the next planning took it again and the retry ran last.
    const shared = await isolatedSchemaUrl(testDatabaseUrl());
    const edge = await createTestApp(
      testConfig({ database: { url: shared }, dispatch: { enabled: false } }),
    );
    for (let n = 0; n < 21; n++) await send(edge, n);
    await edge.close();
    failFirst.add(0);
    handlerMs = 100;
    const worker = await createTestApp(
      testConfig({
        database: { url: shared },
        dispatch: {
          pollIntervalMs: 20,
          concurrency: 2,
          prefetch: 0,
          retry: { initialDelayMs: 150 },
        },
      }),
      { providers: [CountingHandler] },
    );
    try {
      await waitFor(() => order.length === 22, 20_000, 'every run');
      expect(order.filter((n) => n === 0)).toHaveLength(2);
      // The retry ran before the last ten new deliveries.
      expect(order.lastIndexOf(0)).toBeLessThan(order.indexOf(11));
    } finally {
      await worker.close();
    }
  });

  it('two gateways on one store run every handler exactly once', async () => {
    const shared = await isolatedSchemaUrl(testDatabaseUrl());
    const config = testConfig({
      database: { url: shared },
      dispatch: { pollIntervalMs: 20, concurrency: 8 },
    });
    const [a, b] = await Promise.all([
      createTestApp(config, { providers: [CountingHandler] }),
      createTestApp(config, { providers: [CountingHandler] }),
    ]);
    try {
      const ids = await Promise.all(Array.from({ length: 300 }, (_, n) => send(n % 2 ? a : b, n)));
      await waitFor(() => ids.every((id) => handled.has(id)), 20_000, 'every run');
      await new Promise((r) => setTimeout(r, 300)); // room for a second run, if any
      const twice = ids.filter((id) => handled.get(id) !== 1);
      expect(twice).toEqual([]);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
