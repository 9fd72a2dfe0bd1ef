import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CLOCK, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from '../store/data-source';
import type { DeliveryRecord, DeliveryStatus, RunRecord, RunStatus } from '../store/entities';
import { newId } from '../store/ids';
import { StoreEntitiesRef } from '../store/store-entities.ref';
import { StoreEvents } from '../store/store-events';
import { retryTransientConflicts } from '../store/transient-conflict';
import { StoreWriteLock } from '../store/write-lock';
import { writeTransaction } from '../store/write-transaction';
import { deriveDeliveryStatus } from './delivery-status';

export interface ClaimedRun {
  run: RunRecord;
  delivery: DeliveryRecord;
}

/** The result of one attempt, written back by the worker. */
export interface RunOutcome {
  runId: string;
  deliveryId: string;
  /** The attempt this outcome belongs to: a stale outcome (lease lost) is ignored. */
  attempt: number;
  status: Extract<RunStatus, 'succeeded' | 'failed' | 'dead'>;
  nextAttemptAt?: Date;
  error?: string;
}

const CHUNK = 200;

/**
 * The due runs on SQLite, as three index walks on ix_runs_due (status, next_attempt_at) that
 * each stop after `limit` rows. The OR of the same conditions makes SQLite collect every due
 * run and sort them all, on every claim: with 10,000 runs waiting, that scan was the drain's
 * bottleneck. (PostgreSQL keeps the OR: FOR UPDATE SKIP LOCKED is not allowed with UNION.)
 */
const SQLITE_DUE_RUN_IDS = [
  `SELECT id FROM (SELECT id FROM runs WHERE status = 'pending' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit)`,
  `SELECT id FROM (SELECT id FROM runs WHERE status = 'failed' AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit)`,
  // A crashed or stuck owner's lease has run out: take the run over.
  `SELECT id FROM (SELECT id FROM runs WHERE status = 'processing' AND lease_expires_at <= :now LIMIT :limit)`,
].join(' UNION ALL ');

/**
 * Every write of the dispatch side: planning runs for new deliveries, claiming due runs with a
 * lease, recording outcomes, releasing, and replays. Short transactions through the write lock
 * (SQLite) or with row locks that skip what another process holds (PostgreSQL).
 */
@Injectable()
export class RunStore {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly entities: StoreEntitiesRef,
    private readonly lock: StoreWriteLock,
    private readonly events: StoreEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.lock.runExclusive(() =>
      retryTransientConflicts(() => writeTransaction(this.dataSource, work)),
    );
  }

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** Skip rows another process has locked (PostgreSQL); SQLite is serialized by the lock. */
  private skipLocked<T extends object>(query: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
    return this.postgres ? query.setLock('pessimistic_write').setOnLocked('skip_locked') : query;
  }

  /**
   * Create the runs of up to `limit` deliveries that have none yet. A delivery no handler
   * matches is done at once. Planning happens here, not on the request path, so the edge stays
   * one insert, and a crash between ack and planning only delays it.
   */
  async planPending(limit: number, handlersFor: (d: DeliveryRecord) => string[]): Promise<number> {
    return this.write(async (manager) => {
      const deliveries = await this.skipLocked(
        manager
          .createQueryBuilder(this.entities.Delivery, 'd')
          .select(['d.id', 'd.provider', 'd.endpoint', 'd.type'])
          .where('d.planned = :planned', { planned: false })
          .orderBy('d.id', 'ASC')
          .limit(limit),
      ).getMany();
      if (deliveries.length === 0) return 0;

      const now = this.clock.now();
      const runs: RunRecord[] = [];
      const idle: string[] = [];
      for (const delivery of deliveries) {
        const handlers = handlersFor(delivery);
        if (handlers.length === 0) idle.push(delivery.id);
        for (const handler of handlers) runs.push(newRun(delivery.id, handler, now));
      }
      await this.insertRuns(manager, runs);
      const busy = deliveries.map((d) => d.id).filter((id) => !idle.includes(id));
      const deliveryRepo = manager.getRepository(this.entities.Delivery);
      if (busy.length) await deliveryRepo.update({ id: In(busy) }, { planned: true });
      if (idle.length)
        await deliveryRepo.update({ id: In(idle) }, { planned: true, status: 'succeeded' });
      return deliveries.length;
    });
  }

  /** Take up to `limit` due runs: lease them to `owner` and count the attempt. */
  async claim(limit: number, owner: string, leaseMs: number): Promise<ClaimedRun[]> {
    const now = this.clock.now();
    return this.write(async (manager) => {
      const due = await this.skipLocked(
        manager
          .createQueryBuilder(this.entities.Run, 'r')
          .where(
            this.postgres
              ? new Brackets((q) =>
                  q
                    .where('r.status IN (:...waiting) AND r.nextAttemptAt <= :now', {
                      waiting: ['pending', 'failed'],
                      now,
                    })
                    // A crashed or stuck owner's lease has run out: take the run over.
                    .orWhere('r.status = :processing AND r.leaseExpiresAt <= :now', {
                      processing: 'processing',
                      now,
                    }),
                )
              : `r.id IN (${SQLITE_DUE_RUN_IDS})`,
            { now, limit },
          )
          .orderBy('r.nextAttemptAt', 'ASC')
          .limit(limit),
      ).getMany();
      if (due.length === 0) return [];
      const leaseExpiresAt = new Date(now.getTime() + leaseMs);
      // One statement for the whole claim; each run counts its own attempt (the rows are ours).
      await manager
        .createQueryBuilder()
        .update(this.entities.Run)
        .set({
          attempts: () => 'attempts + 1',
          status: 'processing',
          leaseOwner: owner,
          leaseExpiresAt,
          updatedAt: now,
        })
        .whereInIds(due.map((run) => run.id))
        .execute();
      for (const run of due) {
        run.attempts += 1;
        run.status = 'processing';
        run.leaseOwner = owner;
        run.leaseExpiresAt = leaseExpiresAt;
        run.updatedAt = now;
      }
      await this.refreshDeliveries(
        manager,
        due.map((r) => r.deliveryId),
      );
      // Load the deliveries in the same transaction: if this fails (a killed connection), the
      // claim rolls back too, instead of leaving runs leased to nobody until the lease expires.
      const deliveries = await manager
        .getRepository(this.entities.Delivery)
        .findBy({ id: In([...new Set(due.map((r) => r.deliveryId))]) });
      const byId = new Map(deliveries.map((d) => [d.id, d]));
      return due.map((run) => ({ run, delivery: byId.get(run.deliveryId)! }));
    });
  }

  /**
   * Write back outcomes (many at once: the worker batches them). Outcomes that write the same
   * values share one UPDATE (a batch of successes is one statement, not one per run); each row
   * is still only touched while `owner` holds it for that attempt.
   */
  async complete(outcomes: RunOutcome[], owner: string): Promise<void> {
    const now = this.clock.now();
    const groups = new Map<
      string,
      { attempt: number; values: Partial<RunRecord>; ids: string[] }
    >();
    for (const outcome of outcomes) {
      const values: Partial<RunRecord> = {
        status: outcome.status,
        nextAttemptAt: outcome.nextAttemptAt ?? now,
        lastError: outcome.error ?? null,
        leaseOwner: null,
        leaseExpiresAt: null,
        updatedAt: now,
        finishedAt: outcome.status === 'failed' ? null : now,
      };
      const key = JSON.stringify([outcome.attempt, values]);
      const group = groups.get(key) ?? { attempt: outcome.attempt, values, ids: [] };
      group.ids.push(outcome.runId);
      groups.set(key, group);
    }
    await this.write(async (manager) => {
      const runRepo = manager.getRepository(this.entities.Run);
      for (const { attempt, values, ids } of groups.values()) {
        for (let i = 0; i < ids.length; i += CHUNK) {
          await runRepo.update(
            {
              id: In(ids.slice(i, i + CHUNK)),
              leaseOwner: owner,
              attempts: attempt,
              status: 'processing',
            },
            values,
          );
        }
      }
      await this.refreshDeliveries(
        manager,
        outcomes.map((o) => o.deliveryId),
      );
    });
  }

  /** Give back runs still held by `owner` (shutdown): the attempt did not happen. */
  async release(runIds: string[], owner: string): Promise<void> {
    if (runIds.length === 0) return;
    const now = this.clock.now();
    await this.write(async (manager) => {
      const runs = await manager
        .getRepository(this.entities.Run)
        .findBy({ id: In(runIds), leaseOwner: owner, status: 'processing' });
      for (const run of runs) {
        await manager.getRepository(this.entities.Run).update(run.id, {
          status: run.attempts > 1 ? 'failed' : 'pending',
          attempts: run.attempts - 1,
          nextAttemptAt: now,
          leaseOwner: null,
          leaseExpiresAt: null,
          updatedAt: now,
        });
      }
      await this.refreshDeliveries(
        manager,
        runs.map((r) => r.deliveryId),
      );
    });
  }

  /**
   * Run `handlers` on a delivery again from a fresh attempt count: existing runs are reset,
   * missing ones (handlers added since) are created. Returns the runs touched.
   */
  async replay(deliveryId: string, handlers: string[]): Promise<number> {
    const now = this.clock.now();
    const touched = await this.write(async (manager) => {
      const runRepo = manager.getRepository(this.entities.Run);
      const existing = await runRepo.findBy({ deliveryId, handler: In(handlers) });
      const known = new Set(existing.map((r) => r.handler));
      for (const run of existing) {
        await runRepo.update(run.id, { ...resetFields(now) });
      }
      await this.insertRuns(
        manager,
        handlers.filter((h) => !known.has(h)).map((h) => newRun(deliveryId, h, now)),
      );
      await manager.getRepository(this.entities.Delivery).update(deliveryId, { planned: true });
      await this.refreshDeliveries(manager, [deliveryId]);
      return handlers.length;
    });
    // Wake workers in every process (on PostgreSQL, PgNotify relays it).
    this.events.notifyStored(touched);
    return touched;
  }

  /** Reset the given runs (by id) if they are still dead or failed. Returns how many. */
  async retryRuns(runIds: string[]): Promise<number> {
    const now = this.clock.now();
    let touched = 0;
    for (let i = 0; i < runIds.length; i += CHUNK) {
      const chunk = runIds.slice(i, i + CHUNK);
      touched += await this.write(async (manager) => {
        const runRepo = manager.getRepository(this.entities.Run);
        const runs = await runRepo.findBy({ id: In(chunk), status: In(['dead', 'failed']) });
        if (runs.length === 0) return 0;
        await runRepo.update({ id: In(runs.map((r) => r.id)) }, resetFields(now));
        await this.refreshDeliveries(
          manager,
          runs.map((r) => r.deliveryId),
        );
        return runs.length;
      });
    }
    this.events.notifyStored(touched);
    return touched;
  }

  /**
   * Keep each delivery's status and attempts in step with its runs. On PostgreSQL the
   * deliveries are locked first, in id order: concurrent transactions touching runs of one
   * delivery then take turns (the last one reads every run committed) and cannot deadlock.
   */
  private async refreshDeliveries(manager: EntityManager, deliveryIds: string[]): Promise<void> {
    const ids = [...new Set(deliveryIds)].sort();
    if (ids.length === 0) return;
    if (this.postgres) {
      await manager
        .createQueryBuilder(this.entities.Delivery, 'd')
        .select('d.id')
        .whereInIds(ids)
        .orderBy('d.id', 'ASC')
        .setLock('for_no_key_update')
        .getMany();
    }
    const runs = await manager.getRepository(this.entities.Run).find({
      select: { deliveryId: true, status: true, attempts: true },
      where: { deliveryId: In(ids) },
    });
    // Deliveries that end up with the same status and attempts share one UPDATE.
    const byState = new Map<string, { ids: string[]; status: DeliveryStatus; attempts: number }>();
    for (const id of ids) {
      const own = runs.filter((r) => r.deliveryId === id);
      const status = deriveDeliveryStatus(own.map((r) => r.status));
      const attempts = own.reduce((max, r) => Math.max(max, r.attempts), 0);
      const key = `${status}:${attempts}`;
      const group = byState.get(key) ?? { ids: [], status, attempts };
      group.ids.push(id);
      byState.set(key, group);
    }
    const deliveryRepo = manager.getRepository(this.entities.Delivery);
    for (const { ids: same, status, attempts } of byState.values()) {
      await deliveryRepo.update({ id: In(same) }, { status, attempts });
    }
  }

  private async insertRuns(manager: EntityManager, runs: RunRecord[]): Promise<void> {
    for (let i = 0; i < runs.length; i += CHUNK) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(this.entities.Run)
        .values(runs.slice(i, i + CHUNK))
        .orIgnore()
        .updateEntity(false)
        .execute();
    }
  }
}

function newRun(deliveryId: string, handler: string, now: Date): RunRecord {
  return {
    id: newId(),
    deliveryId,
    handler,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    finishedAt: null,
  };
}

function resetFields(now: Date): Partial<RunRecord> {
  return {
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    leaseOwner: null,
    leaseExpiresAt: null,
    finishedAt: null,
    updatedAt: now,
  };
}
