import { Injectable } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DispatchWorker } from '../../src/dispatch/worker/dispatch.worker';
import { OnWebhook } from '../../src/dispatch/on-webhook.decorator';
import { RunQueueBase } from '../../src/store/run-queue-base';
import type { WebhookEvent } from '../../src/dispatch/webhook-event';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import * as postgresInbox from '../../src/store/postgres/postgres-inbox-insert';
import * as sqliteInbox from '../../src/store/sqlite/sqlite-inbox-insert';
import type { RunRecord } from '../../src/store/model';
import { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { githubHeaders } from '../helpers/github';
import { createTestApp, postRaw, testConfig, TestApp, waitFor } from '../helpers/test-app';

const SECRET = 'github-test-secret';

/**
 * A process that runs the worker stores each delivery with its runs, leased to its own worker
 * while that has room, and starts them when the batch commits: no planning and no claim for
 * them. What does not fit is stored waiting and claimed as before. Both engines.
 */
describe('dispatch on arrival', () => {
  let t: TestApp;
  const handled: string[] = [];
  let release: (() => void) | null = null;

  /** Refs whose run fails at its first attempt. */
  const failOnce = new Set<string>();

  @Injectable()
  class Recorder {
    @OnWebhook('github', 'push')
    async handle(event: WebhookEvent<{ ref: string }>) {
      // While `release` is set, each run waits for it (a busy worker).
      while (release) await new Promise((resolve) => setTimeout(resolve, 10));
      const { ref } = event.payload;
      if (failOnce.delete(ref)) throw new Error(`${ref} fails once`);
      handled.push(event.attempt > 1 ? `${ref} (attempt ${event.attempt})` : ref);
    }
  }

  /** The turns' claims: how many runs each asked for, from when `since` was set. */
  let claims: number[];
  let plannings: number;

  async function start(dispatch: Record<string, unknown>) {
    handled.length = 0;
    claims = [];
    plannings = 0;
    const { recordAndClaim, planPending } = RunQueueBase.prototype;
    let startup: Promise<unknown>[] = [];
    jest.spyOn(RunQueueBase.prototype, 'recordAndClaim').mockImplementation(function (
      this: RunQueueBase,
      ...args
    ) {
      if (args[1] > 0) claims.push(args[1]);
      const done = recordAndClaim.apply(this, args);
      startup.push(done);
      return done;
    });
    jest.spyOn(RunQueueBase.prototype, 'planPending').mockImplementation(function (
      this: RunQueueBase,
      ...args
    ) {
      plannings++;
      const done = planPending.apply(this, args);
      startup.push(done);
      return done;
    });
    // A poll would find everything on its own after a minute; these tests end long before.
    t = await createTestApp(testConfig({ dispatch: { pollIntervalMs: 60_000, ...dispatch } }), {
      providers: [Recorder],
    });
    // The worker's first iteration plans and claims (whatever an earlier process left): wait
    // for both to finish, then count from zero.
    await waitFor(() => claims.length >= 1 && plannings >= 1, 5_000, 'the first iteration');
    await Promise.allSettled(startup);
    startup = [];
    claims = [];
    plannings = 0;
  }

  afterEach(async () => {
    release = null;
    failOnce.clear();
    await t.close();
    jest.restoreAllMocks();
  });

  const post = async (ref: string, key = ref): Promise<{ status: number; id: string }> => {
    const body = JSON.stringify({ ref });
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push', key),
      body,
    );
    return { status: res.status, id: res.body.id };
  };

  async function storedRuns(): Promise<RunRecord[]> {
    const dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
    const { Run } = t.app.get(StoreEntitiesRef);
    return dataSource.getRepository(Run).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  it('runs what it stored without planning or claiming it, each run once at attempt 1', async () => {
    await start({ concurrency: 4 });
    const refs = ['a', 'b', 'c', 'd', 'e', 'f'];
    for (const ref of refs) expect((await post(ref)).status).toBe(200);
    await waitFor(() => handled.length === refs.length, 5_000, 'the six runs');
    await waitFor(
      async () => (await storedRuns()).every((run) => run.status === 'succeeded'),
      5_000,
      'the outcomes recorded',
    );
    expect(handled.sort()).toEqual(refs);
    const runs = await storedRuns();
    expect(runs).toHaveLength(refs.length);
    expect(runs.map((run) => [run.attempts, run.leaseOwner])).toEqual(refs.map(() => [1, null]));
    expect(claims).toEqual([]);
    expect(plannings).toBe(0);
  });

  it('stores what does not fit waiting, and claims it when a slot frees', async () => {
    await start({ concurrency: 1, prefetch: 0 });
    release = () => undefined;
    const first = await post('first');
    const second = await post('second');
    const third = await post('third');
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    const owner = t.app.get(DispatchWorker).owner;
    const byDelivery = new Map((await storedRuns()).map((run) => [run.deliveryId, run]));
    expect(byDelivery.get(first.id)).toMatchObject({
      status: 'processing',
      attempts: 1,
      leaseOwner: owner,
    });
    for (const waiting of [second, third]) {
      expect(byDelivery.get(waiting.id)).toMatchObject({
        status: 'pending',
        attempts: 0,
        leaseOwner: null,
      });
    }
    release = null;
    await waitFor(() => handled.length === 3, 5_000, 'all three runs');
    expect(handled.sort()).toEqual(['first', 'second', 'third']);
    expect(claims.length).toBeGreaterThan(0);
    expect(plannings).toBe(0);
  });

  it('gives back the room a duplicate reserved', async () => {
    await start({ concurrency: 1, prefetch: 0 });
    const original = await post('original', 'same-key');
    await waitFor(() => handled.includes('original'), 5_000, 'the original run');
    // The copy reserves the one slot on arrival and is not stored: the slot must come back,
    // or the next delivery would wait for a claim instead of being leased on arrival.
    const copy = await post('copy', 'same-key');
    expect(copy).toEqual({ status: 200, id: original.id });
    expect((await post('next')).status).toBe(200);
    await waitFor(() => handled.includes('next'), 5_000, 'the next run');
    expect(handled).toEqual(['original', 'next']);
    expect(claims).toEqual([]);
  });

  it('retries a failed run while arrivals keep the worker busy', async () => {
    // The poll finds the due retry although the loop never sleeps between arrivals.
    await start({ pollIntervalMs: 100, retry: { initialDelayMs: 50, maxDelayMs: 50 } });
    failOnce.add('flaky');
    expect((await post('flaky')).status).toBe(200);
    let sent = 0;
    const deadline = Date.now() + 5_000;
    while (!handled.includes('flaky (attempt 2)') && Date.now() < deadline) {
      expect((await post(`steady-${sent}`)).status).toBe(200);
      sent++;
    }
    expect(handled).toContain('flaky (attempt 2)');
    expect(claims.length).toBeGreaterThan(0);
  });

  it('gives back the room of a batch that failed', async () => {
    await start({ concurrency: 1, prefetch: 0 });
    const failing = [
      jest.spyOn(sqliteInbox, 'insertDeliveriesSqlite'),
      jest.spyOn(postgresInbox, 'insertDeliveriesPostgres'),
    ].map((spy) => spy.mockRejectedValueOnce(new Error('disk full')));
    expect((await post('refused')).status).toBe(503);
    failing.forEach((spy) => spy.mockRestore());
    // Had the refused delivery kept the one slot, this one would wait for a claim.
    expect((await post('next')).status).toBe(200);
    await waitFor(() => handled.includes('next'), 5_000, 'the next run');
    expect(handled).toEqual(['next']);
    expect(claims).toEqual([]);
  });
});
