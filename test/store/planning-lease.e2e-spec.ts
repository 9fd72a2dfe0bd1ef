import type { DataSource } from 'typeorm';
import * as claimedRows from '../../src/store/sql/claimed-rows';
import { newRun } from '../../src/store/sql/runs';
import type { RunQueue } from '../../src/store/run-queue';
import type { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { isPostgresUrl } from '../helpers/pg-database';
import {
  insertDeliveryRecords,
  pushDeliveryRecord,
  storeOnlyApp,
} from '../helpers/stored-deliveries';
import { ManualClock, TestApp, testDatabaseUrl } from '../helpers/test-app';

/**
 * Planning with room offered by the worker (RunQueue.planPending's `lease`): on PostgreSQL the
 * runs of as many deliveries as the room holds go in leased, and come back with their
 * deliveries to start; SQLite plans as before and leases nothing.
 */
describe('planning that leases what it plans', () => {
  const postgres = isPostgresUrl(testDatabaseUrl());
  const onPostgres = postgres ? it : it.skip;
  const clock = new ManualClock(new Date('2026-11-30T12:00:00.000Z'));
  let t: TestApp;
  let runs: RunQueue;
  let dataSource: DataSource;
  let entities: StoreEntitiesRef;

  beforeEach(async () => {
    // No worker: the test plans.
    ({ t, runs, dataSource, entities } = await storeOnlyApp(clock));
  });
  afterEach(() => t.close());

  async function storeUnplanned(...ids: string[]): Promise<void> {
    const deliveries = ids.map((id) =>
      pushDeliveryRecord(id, clock.now(), {
        headers: { 'x-github-event': 'push' },
        rawBody: Buffer.from(`{"id":"${id}"}`),
        planned: false,
      }),
    );
    await insertDeliveryRecords(dataSource, entities, deliveries);
  }

  const lease = (room: number) => ({ owner: 'me', leaseMs: 60_000, room });
  const runsOf = (deliveryId: string) =>
    dataSource
      .getRepository(entities.Run)
      .find({ where: { deliveryId }, order: { handler: 'ASC' } });
  const delivery = (id: string) =>
    dataSource.getRepository(entities.Delivery).findOneByOrFail({ id });

  it('plans only as many deliveries as the room holds, their runs leased at attempt 1', async () => {
    await storeUnplanned('d1', 'd2', 'd3');
    const planning = await runs.planPending(200, () => ['h'], undefined, lease(2));
    if (!postgres) {
      // SQLite plans the whole batch and leases nothing (RunQueue.leasesWhilePlanning).
      expect(runs.leasesWhilePlanning).toBe(false);
      expect(planning).toEqual({ planned: 3, full: false, waiting: 3, leased: [] });
      expect(await runsOf('d1')).toEqual([expect.objectContaining({ status: 'pending' })]);
      return;
    }
    expect(runs.leasesWhilePlanning).toBe(true);
    expect(planning).toMatchObject({ planned: 2, full: true, waiting: 0 });
    expect(planning.leased.map(({ run, delivery: d }) => [run.deliveryId, d.id])).toEqual([
      ['d1', 'd1'],
      ['d2', 'd2'],
    ]);
    // Handed over as a claim would hand them: the delivery with its body, the run at attempt 1.
    const [first] = planning.leased;
    expect(first.delivery.rawBody?.toString()).toBe('{"id":"d1"}');
    expect(first.delivery.headers).toEqual({ 'x-github-event': 'push' });
    expect(first.run).toMatchObject({ status: 'processing', attempts: 1, leaseOwner: 'me' });
    expect(first.run.leaseExpiresAt).toEqual(new Date(clock.now().getTime() + 60_000));
    expect(await runsOf('d1')).toEqual([
      expect.objectContaining({
        id: first.run.id,
        status: 'processing',
        attempts: 1,
        leaseOwner: 'me',
      }),
    ]);
    expect(await delivery('d1')).toMatchObject({
      planned: true,
      status: 'processing',
      attempts: 1,
    });
    // The third waits for the next planning.
    expect(await delivery('d3')).toMatchObject({ planned: false, status: 'pending' });
    expect(await runsOf('d3')).toEqual([]);
  });

  onPostgres('leaves a delivery whose runs do not all fit waiting to be claimed', async () => {
    await storeUnplanned('d1', 'd2');
    const planning = await runs.planPending(
      200,
      (d) => (d.id === 'd1' ? ['a', 'b'] : ['a']),
      undefined,
      lease(1),
    );
    // The room (1) takes one delivery: d1, whose two runs do not fit.
    expect(planning).toEqual({ planned: 1, full: true, waiting: 1, leased: [] });
    expect((await runsOf('d1')).map((r) => [r.handler, r.status, r.leaseOwner])).toEqual([
      ['a', 'pending', null],
      ['b', 'pending', null],
    ]);
    expect(await delivery('d1')).toMatchObject({ planned: true, status: 'pending', attempts: 0 });
  });

  onPostgres('hands over only the runs it wrote, not one that already existed', async () => {
    await storeUnplanned('d1');
    // A run for the same (delivery, handler) already there, held by another worker.
    await dataSource.getRepository(entities.Run).insert({
      ...newRun('d1', 'h', clock.now()),
      status: 'processing',
      attempts: 1,
      leaseOwner: 'other',
      leaseExpiresAt: new Date(clock.now().getTime() + 60_000),
    });
    const planning = await runs.planPending(200, () => ['h'], undefined, lease(5));
    expect(planning).toMatchObject({ planned: 1, leased: [] });
    expect(await runsOf('d1')).toEqual([expect.objectContaining({ leaseOwner: 'other' })]);
  });

  onPostgres(
    'gives the runs back when the answer of the committing text cannot be read',
    async () => {
      await storeUnplanned('d1');
      const pair = jest.spyOn(claimedRows, 'runsWithDeliveries').mockImplementationOnce(() => {
        throw new Error('lost on the way');
      });
      try {
        await expect(runs.planPending(200, () => ['h'], undefined, lease(5))).rejects.toThrow(
          'lost on the way',
        );
      } finally {
        pair.mockRestore();
      }
      // Committed planned, then given back: waiting to be claimed, its attempt not counted.
      expect(await runsOf('d1')).toEqual([
        expect.objectContaining({ status: 'pending', attempts: 0, leaseOwner: null }),
      ]);
      expect(await delivery('d1')).toMatchObject({ planned: true, status: 'pending', attempts: 0 });
      const claimed = await runs.recordAndClaim([], 10, 'me', 60_000);
      expect(claimed.map((c) => [c.delivery.id, c.run.attempts])).toEqual([['d1', 1]]);
    },
  );
});
