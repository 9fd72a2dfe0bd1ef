import { Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, Logger as TypeOrmLogger, QueryRunner } from 'typeorm';
import { OnWebhook } from '../src/dispatch/on-webhook.decorator';
import type { WebhookEvent } from '../src/dispatch/webhook-event';
import { HOOKGATE_CONNECTION } from '../src/store/data-source';
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

/** Every statement each connection sends, grouped into the transactions it ran. */
function recordTransactions(dataSource: DataSource): string[][] {
  const open = new Map<QueryRunner | undefined, string[]>();
  const closed: string[][] = [];
  const logQuery = (query: string, _params?: unknown[], runner?: QueryRunner) => {
    if (query === 'START TRANSACTION') return void open.set(runner, [query]);
    const statements = open.get(runner);
    if (!statements) return;
    statements.push(query);
    if (query === 'COMMIT' || query === 'ROLLBACK') {
      closed.push(statements);
      open.delete(runner);
    }
  };
  const recorder: TypeOrmLogger = {
    logQuery,
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  (dataSource as unknown as { logger: TypeOrmLogger }).logger = recorder;
  return closed;
}

async function send(t: TestApp, n: number): Promise<string> {
  const body = JSON.stringify({ ref: 'refs/heads/main', n });
  const res = await postRaw(t, '/webhooks/github/acme', githubHeaders(SECRET, body, 'push'), body);
  expect(res.status).toBe(200);
  return res.body.id;
}

describe('PostgreSQL run claims', () => {
  beforeEach(() => handled.clear());

  it('plans and claims with FOR UPDATE SKIP LOCKED, each in one short transaction', async () => {
    const t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 20 } }), {
      providers: [CountingHandler],
    });
    try {
      const transactions = recordTransactions(
        t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION)),
      );
      const id = await send(t, 1);
      await waitFor(() => handled.get(id) === 1, 10_000, 'the handler run');

      const lockingSelect = (table: string) => (sql: string) =>
        sql.startsWith('SELECT') && sql.includes(`FROM "${table}"`) && sql.includes('FOR UPDATE');
      const plan = transactions.find(
        (tx) =>
          tx.some(lockingSelect('deliveries')) &&
          tx.some((sql) => sql.startsWith('INSERT INTO "runs"')),
      )!;
      const claim = transactions.find(
        (tx) => tx.some(lockingSelect('runs')) && tx.some((sql) => sql.startsWith('UPDATE "runs"')),
      )!;
      expect(plan).toBeDefined();
      expect(claim).toBeDefined();
      const planSelect = plan.find(lockingSelect('deliveries'))!;
      const claimSelect = claim.find(lockingSelect('runs'))!;
      const outline = (tx: string[]) => tx.map((sql) => sql.split(' "')[0]).join(', ');
      process.stdout.write(
        `plan transaction: ${outline(plan)}\n  ${planSelect}\n` +
          `claim transaction: ${outline(claim)}\n  ${claimSelect}\n`,
      );
      expect(planSelect).toMatch(/ FOR UPDATE SKIP LOCKED$/);
      expect(claimSelect).toMatch(/ FOR UPDATE SKIP LOCKED$/);
      // Short: begin, lock, a few writes, commit; no handler work happens inside. The claim also
      // reads the claimed runs' deliveries before it commits (one SELECT), so that a failure
      // there rolls the claim back instead of leaving runs leased to nobody.
      expect(plan.length).toBeLessThanOrEqual(6);
      expect(claim.length).toBeLessThanOrEqual(8);
      expect(claim[claim.length - 2]).toMatch(/^SELECT .* FROM "deliveries"/);
    } finally {
      await t.close();
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
