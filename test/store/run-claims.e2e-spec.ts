import type { DataSource } from 'typeorm';
import { AttemptLog } from '../../src/store/dashboard/attempt-log';
import * as claimedRows from '../../src/store/sql/claimed-rows';
import { newRun } from '../../src/store/sql/runs';
import type { RunQueue } from '../../src/store/run-queue';
import type { RunRecord } from '../../src/store/model';
import type { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { isPostgresUrl } from '../helpers/pg-database';
import {
  insertDeliveryRecords,
  pushDeliveryRecord,
  storeOnlyApp,
} from '../helpers/stored-deliveries';
import { ManualClock, TestApp, testDatabaseUrl } from '../helpers/test-app';

/**
 * What a worker's turn leases, on the engine of the pass: due runs of each kind (new, waiting
 * to retry, an expired lease), oldest due first, at most `limit`, nothing that is not due; on
 * PostgreSQL also what another transaction holds is skipped, and runs whose claim may have
 * committed without reaching the worker are given back.
 */
describe('leasing due runs', () => {
  const clock = new ManualClock(new Date('2026-11-29T12:00:00.000Z'));
  const at = (seconds: number) => new Date(clock.now().getTime() + seconds * 1000);
  let t: TestApp;
  let runs: RunQueue;
  let dataSource: DataSource;
  let entities: StoreEntitiesRef;

  beforeEach(async () => {
    // No worker: the test takes the turns.
    ({ t, runs, dataSource, entities } = await storeOnlyApp(clock));
  });
  afterEach(() => t.close());

  async function store(id: string, ...runsOfIt: Partial<RunRecord>[]): Promise<RunRecord[]> {
    await insertDeliveryRecords(dataSource, entities, [pushDeliveryRecord(id, clock.now())]);
    const records = runsOfIt.map((fields, i) => ({
      ...newRun(id, `handler-${i}`, clock.now()),
      ...fields,
    }));
    await dataSource.getRepository(entities.Run).insert(records);
    return records;
  }

  const lease = (limit: number) => runs.recordAndClaim([], limit, 'me', 60_000);
  const row = (id: string) => dataSource.getRepository(entities.Run).findOneByOrFail({ id });

  it('takes new runs, retries and expired leases together, oldest due first, up to the limit', async () => {
    const [pendingOld] = await store('d1', { nextAttemptAt: at(-50) });
    const [retry] = await store('d2', { status: 'failed', attempts: 1, nextAttemptAt: at(-40) });
    const [expired] = await store('d3', {
      status: 'processing',
      attempts: 1,
      nextAttemptAt: at(-30),
      leaseOwner: 'crashed',
      leaseExpiresAt: at(-1),
    });
    const [pendingNew, sibling] = await store(
      'd4',
      { nextAttemptAt: at(-20) },
      { nextAttemptAt: at(-10) },
    );
    // Not due: a retry later, a lease still running, finished runs.
    await store('d5', { status: 'failed', attempts: 1, nextAttemptAt: at(30) });
    await store('d6', {
      status: 'processing',
      attempts: 1,
      nextAttemptAt: at(-60),
      leaseOwner: 'alive',
      leaseExpiresAt: at(30),
    });
    await store('d7', { status: 'succeeded', attempts: 1, nextAttemptAt: at(-70) });
    await store('d8', { status: 'dead', attempts: 3, nextAttemptAt: at(-80) });

    const first = await lease(3);
    expect(first.map((c) => c.run.id)).toEqual([pendingOld.id, retry.id, expired.id]);
    for (const { run, delivery } of first) {
      expect(run).toMatchObject({ status: 'processing', leaseOwner: 'me' });
      expect(delivery.id).toBe(run.deliveryId);
      expect(await row(run.id)).toMatchObject({ status: 'processing', leaseOwner: 'me' });
    }
    expect(first.map((c) => c.run.attempts)).toEqual([1, 2, 2]);

    const rest = await lease(10);
    expect(rest.map((c) => c.run.id)).toEqual([pendingNew.id, sibling.id]);
    // Two runs of one delivery share its record.
    expect(rest[0].delivery).toBe(rest[1].delivery);
    expect(await lease(10)).toEqual([]);
  });

  it('gives each of two turns taken at once the runs it leased itself', async () => {
    const stored = [];
    for (let i = 0; i < 4; i++)
      stored.push(...(await store(`d${i}`, { nextAttemptAt: at(-10 + i) })));
    const [a, b] = await Promise.all([
      runs.recordAndClaim([], 2, 'worker-a', 60_000),
      runs.recordAndClaim([], 2, 'worker-b', 60_000),
    ]);
    for (const [claimed, owner] of [
      [a, 'worker-a'],
      [b, 'worker-b'],
    ] as const) {
      expect(claimed).toHaveLength(2);
      for (const { run } of claimed) {
        expect(run.leaseOwner).toBe(owner);
        expect(await row(run.id)).toMatchObject({ status: 'processing', leaseOwner: owner });
      }
    }
    const ids = [...a, ...b].map((c) => c.run.id).sort();
    expect(ids).toEqual(stored.map((r) => r.id).sort());
  });

  // PostgreSQL only: SQLite has one connection, and reads its claim after the commit.
  const onPostgres = isPostgresUrl(testDatabaseUrl()) ? it : it.skip;

  onPostgres('skips a due run another transaction holds, on PostgreSQL', async () => {
    const [held] = await store('d1', { nextAttemptAt: at(-20) });
    const [free] = await store('d2', { nextAttemptAt: at(-10) });
    const other = dataSource.createQueryRunner();
    await other.connect();
    await other.startTransaction();
    try {
      await other.query(`SELECT "id" FROM "runs" WHERE "id" = $1 FOR UPDATE`, [held.id]);
      const claimed = await lease(10);
      expect(claimed.map((c) => c.run.id)).toEqual([free.id]);
    } finally {
      await other.rollbackTransaction();
      await other.release();
    }
    expect((await lease(10)).map((c) => c.run.id)).toEqual([held.id]);
  });

  onPostgres(
    'gives the runs back when the answer of the committing text cannot be read, on PostgreSQL',
    async () => {
      const [run] = await store('d1', { nextAttemptAt: at(-10) });
      const hydrate = jest
        .spyOn(claimedRows, 'claimedRunsFromSeparateRows')
        .mockImplementationOnce(() => {
          throw new Error('lost on the way');
        });
      try {
        await expect(lease(10)).rejects.toThrow('lost on the way');
      } finally {
        hydrate.mockRestore();
      }
      // Committed, then given back: free again, its attempt not counted, and leased at once.
      expect(await row(run.id)).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null });

      const again = await lease(10);
      expect(again.map((c) => [c.run.id, c.run.attempts])).toEqual([[run.id, 1]]);
    },
  );

  onPostgres(
    'keeps a run it holds when the claim rolls back, even if the claim had leased it again',
    async () => {
      // Held by this worker at attempt 1; its failed outcome is due at once, so the same turn
      // records it and leases the run again (attempt 2) — then the turn's second text fails.
      const [run] = await store('d1', {
        status: 'processing',
        attempts: 1,
        nextAttemptAt: at(-10),
        leaseOwner: 'me',
        leaseExpiresAt: at(60),
      });
      const reads = jest
        .spyOn(claimedRows, 'claimedRunsAndDeliveriesSql')
        .mockImplementationOnce(() => ['SELECT 1/0', 'SELECT 1']);
      const outcome = {
        runId: run.id,
        deliveryId: 'd1',
        attempt: 1,
        status: 'failed' as const,
        nextAttemptAt: clock.now(),
        error: 'boom',
        logEntry: {
          startedAt: clock.now(),
          durationMs: 5,
          outcome: 'failed' as const,
          error: 'Error: boom',
          stack: null,
        },
      };
      try {
        await expect(runs.recordAndClaim([outcome], 10, 'me', 60_000)).rejects.toThrow(
          /division by zero/,
        );
      } finally {
        reads.mockRestore();
      }
      // Rolled back: still this worker's, at attempt 1, its outcome not written; nothing given back.
      expect(await row(run.id)).toMatchObject({
        status: 'processing',
        attempts: 1,
        leaseOwner: 'me',
        lastError: null,
      });
      // Nor its attempt, written in the same transaction.
      expect(await t.app.get(AttemptLog).ofDelivery('d1')).toEqual([]);
    },
  );
});
