import type { DataSource } from 'typeorm';
import { AttemptLog } from '../../src/store/dashboard/attempt-log';
import type { AttemptOutcome, RunOutcome } from '../../src/store/model';
import type { RunQueue } from '../../src/store/run-queue';
import { newRun } from '../../src/store/sql/runs';
import type { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import {
  insertDeliveryRecords,
  pushDeliveryRecord,
  storeOnlyApp,
} from '../helpers/stored-deliveries';
import { ManualClock, TestApp } from '../helpers/test-app';

/**
 * The attempt log is written by the worker's turn with the outcomes it records, on the engine
 * of the pass: one entry per outcome that applies, none for a stale one.
 */
describe('the attempt log in the store', () => {
  const clock = new ManualClock(new Date('2026-12-01T12:00:00.000Z'));
  let t: TestApp;
  let runs: RunQueue;
  let dataSource: DataSource;
  let entities: StoreEntitiesRef;
  let log: AttemptLog;

  beforeEach(async () => {
    ({ t, runs, dataSource, entities } = await storeOnlyApp(clock));
    log = t.app.get(AttemptLog);
  });
  afterEach(() => t.close());

  /** A delivery with one pending run per handler, leased to `me` by a turn. */
  async function leased(deliveryId: string, ...handlers: string[]) {
    await insertDeliveryRecords(dataSource, entities, [
      pushDeliveryRecord(deliveryId, clock.now()),
    ]);
    const records = handlers.map((handler) => newRun(deliveryId, handler, clock.now()));
    await dataSource.getRepository(entities.Run).insert(records);
    return runs.recordAndClaim([], handlers.length, 'me', 60_000);
  }

  function outcome(
    runId: string,
    deliveryId: string,
    status: RunOutcome['status'],
    logged: AttemptOutcome = status,
  ): RunOutcome {
    const failed = status !== 'succeeded';
    return {
      runId,
      deliveryId,
      attempt: 1,
      status,
      ...(status === 'failed' ? { nextAttemptAt: new Date(clock.now().getTime() + 60_000) } : {}),
      ...(failed ? { error: "Error: it's broken\n    at here" } : {}),
      logEntry: {
        startedAt: new Date(clock.now().getTime() - 250),
        durationMs: 250,
        outcome: logged,
        error: failed ? "Error: it's broken" : null,
        stack: failed ? "Error: it's broken\n    at here" : null,
      },
    };
  }

  it("writes one entry per outcome in the turn, with its run's handler", async () => {
    const claimed = await leased('d1', 'a', 'b', 'c');
    const byHandler = new Map(claimed.map((c) => [c.run.handler, c.run.id]));
    await runs.recordAndClaim(
      [
        outcome(byHandler.get('a')!, 'd1', 'succeeded'),
        outcome(byHandler.get('b')!, 'd1', 'failed', 'timed_out'),
        outcome(byHandler.get('c')!, 'd1', 'dead'),
      ],
      0,
      'me',
      60_000,
    );
    const entries = await log.ofDelivery('d1');
    expect(entries.map((e) => [e.handler, e.attempt, e.outcome, e.error]).sort()).toEqual([
      ['a', 1, 'succeeded', null],
      ['b', 1, 'timed_out', "Error: it's broken"],
      ['c', 1, 'dead', "Error: it's broken"],
    ]);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        runId: byHandler.get(entry.handler),
        deliveryId: 'd1',
        durationMs: 250,
        startedAt: new Date('2026-12-01T11:59:59.750Z'),
      });
    }
    expect(entries.find((e) => e.handler === 'b')!.stack).toBe("Error: it's broken\n    at here");
  });

  it('writes nothing for a stale outcome: another owner, or an attempt taken over', async () => {
    const [claimed] = await leased('d2', 'a');
    await runs.recordAndClaim([outcome(claimed.run.id, 'd2', 'succeeded')], 0, 'other', 60_000);
    await runs.recordAndClaim(
      [{ ...outcome(claimed.run.id, 'd2', 'succeeded'), attempt: 2 }],
      0,
      'me',
      60_000,
    );
    expect(await log.ofDelivery('d2')).toEqual([]);
    // The run is still this worker's at attempt 1: its real outcome is logged.
    await runs.recordAndClaim([outcome(claimed.run.id, 'd2', 'succeeded')], 0, 'me', 60_000);
    expect(await log.ofDelivery('d2')).toHaveLength(1);
  });

  it('keeps the entries of other deliveries apart', async () => {
    const [first] = await leased('d3', 'a');
    const [second] = await leased('d4', 'a');
    await runs.recordAndClaim(
      [outcome(first.run.id, 'd3', 'dead'), outcome(second.run.id, 'd4', 'succeeded')],
      0,
      'me',
      60_000,
    );
    expect((await log.ofDelivery('d3')).map((e) => e.outcome)).toEqual(['dead']);
    expect((await log.ofDelivery('d4')).map((e) => e.outcome)).toEqual(['succeeded']);
    expect(await log.ofDelivery('d5')).toEqual([]);
  });
});
