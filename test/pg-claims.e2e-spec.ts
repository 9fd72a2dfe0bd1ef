import { Injectable } from '@nestjs/common';
import { Client } from 'pg';
import { OnWebhook } from '../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../src/dispatch/webhook-event';
import { planningByWorkersOnly } from './helpers/dispatch';
import { githubHeaders } from './helpers/github';
import { isolatedSchemaUrl } from './helpers/pg-database';
import {
  createTestApp,
  postRaw,
  testConfig,
  testDatabaseUrl,
  TestApp,
  waitFor,
} from './helpers/test-app';

/**
 * PostgreSQL only (jest.pg.config.js): the row locks that let many processes share the run
 * queue, seen in the SQL actually sent, and two gateways on one store running each run once.
 */
const SECRET = 'github-test-secret';
const handled = new Map<string, number>(); // delivery id -> handler runs

@Injectable()
class CountingHandler {
  @OnWebhook('github', 'push', { name: 'count' })
  handle(event: WebhookEvent) {
    handled.set(event.id, (handled.get(event.id) ?? 0) + 1);
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

async function send(t: TestApp, n: number): Promise<string> {
  const body = JSON.stringify({ ref: 'refs/heads/main', n });
  const res = await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, 'push'), body);
  expect(res.status).toBe(200);
  return res.body.id;
}

describe('PostgreSQL run claims', () => {
  beforeEach(() => handled.clear());

  it('plans and claims with FOR UPDATE SKIP LOCKED, each in two round trips', async () => {
    // A delivery another process's inbox stored (this app's own would arrive planned and leased).
    const restore = planningByWorkersOnly();
    const t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20 } }), {
      providers: [CountingHandler],
    });
    const recorder = recordTransactions();
    try {
      const id = await send(t, 1);
      await waitFor(() => handled.get(id) === 1, 10_000, 'the handler run');

      const { transactions } = recorder;
      const plan = transactions.find((tx) =>
        tx.some((text) => text.includes('INSERT INTO "runs"')),
      );
      // The turn that leased the run (earlier ones found nothing due).
      const claim = transactions.find((tx) =>
        tx.some((text) => text.includes('FROM "deliveries" d ')),
      );
      expect(plan).toBeDefined();
      expect(claim).toBeDefined();
      process.stdout.write(
        `plan transaction:\n  ${plan!.join('\n  --\n  ')}\n` +
          `claim transaction:\n  ${claim!.join('\n  --\n  ')}\n`,
      );
      // Planning: lock the unplanned deliveries, skipping those another worker holds; then
      // write the runs and commit. No handler work happens inside.
      expect(plan).toHaveLength(2);
      // Each transaction turns JIT compilation and bitmap scans off first (postgres-script.ts).
      expect(plan![0]).toMatch(
        /^BEGIN;\nSET LOCAL jit = off;\nSET LOCAL enable_bitmapscan = off;\nSELECT .* FROM "deliveries" .* FOR UPDATE SKIP LOCKED$/,
      );
      expect(plan![1]).toMatch(/^INSERT INTO "runs" [\s\S]*;\nCOMMIT$/);
      // The turn: lease the due runs (locked, skipping those another worker holds); then refresh
      // their deliveries and read the runs, then each of their deliveries once, in the text that
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
    } finally {
      recorder.stop();
      await t.close();
      restore();
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
