import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { CLOCK, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from '../store/data-source';
import type { DeliveryRecord, RunRecord, RunStatus } from '../store/entities';
import { newId } from '../store/ids';
import { StoreEntitiesRef } from '../store/store-entities.ref';
import { StoreEvents } from '../store/store-events';
import { storedDate } from '../store/sqlite-datetime';
import { StatementParameters } from '../store/statement-parameters';
import { queryReturning } from '../store/returning-query';
import { retryTransientConflicts } from '../store/transient-conflict';
import { StoreWriteLock } from '../store/write-lock';
import { writeTransaction } from '../store/write-transaction';
import { DELIVERY_STATE_FROM_RUNS_SQL } from './delivery-status';

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

  /**
   * One turn of a worker: write back the outcomes of runs it finished, then lease up to `limit`
   * due runs to `owner` (counting their attempt), in one transaction. Recording and claiming
   * together halves the commits (each waits for the disk) and the statements (each is a round
   * trip: on SQLite a hop through sqlite3's thread pool). Returns the claimed runs with their
   * deliveries, loaded before the commit: if that fails (a killed connection), the claim rolls
   * back too instead of leaving runs leased to nobody until the lease expires.
   */
  async recordAndClaim(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
  ): Promise<ClaimedRun[]> {
    const now = this.clock.now();
    return this.write(async (manager) => {
      await this.recordOutcomes(manager, outcomes, owner, now);
      const claimed = limit > 0 ? await this.leaseDueRuns(manager, limit, owner, leaseMs, now) : [];
      await this.refreshDeliveries(manager, [
        ...outcomes.map((o) => o.deliveryId),
        ...claimed.map((r) => r.deliveryId),
      ]);
      if (claimed.length === 0) return [];
      const deliveries = await manager
        .getRepository(this.entities.Delivery)
        .findBy({ id: In([...new Set(claimed.map((r) => r.deliveryId))]) });
      const byId = new Map(deliveries.map((d) => [d.id, d]));
      return claimed
        .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
        .map((run) => ({ run, delivery: byId.get(run.deliveryId)! }));
    });
  }

  /**
   * Outcomes that write the same values share one UPDATE (a batch of successes is one
   * statement); each row is only touched while `owner` still holds it for that attempt, so a
   * stale outcome (the lease ran out and another worker took the run) changes nothing.
   */
  private async recordOutcomes(
    manager: EntityManager,
    outcomes: readonly RunOutcome[],
    owner: string,
    now: Date,
  ): Promise<void> {
    const groups = new Map<string, { outcome: RunOutcome; ids: string[] }>();
    for (const outcome of outcomes) {
      const key = JSON.stringify([
        outcome.attempt,
        outcome.status,
        outcome.nextAttemptAt ?? null,
        outcome.error ?? null,
      ]);
      const group = groups.get(key) ?? { outcome, ids: [] };
      group.ids.push(outcome.runId);
      groups.set(key, group);
    }
    for (const { outcome, ids } of groups.values()) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const q = this.statement();
        await manager.query(
          `UPDATE "runs" SET "status" = ${q.value(outcome.status)}, ` +
            `"next_attempt_at" = ${q.date(outcome.nextAttemptAt ?? now)}, ` +
            `"last_error" = ${q.value(outcome.error ?? null)}, ` +
            `"lease_owner" = NULL, "lease_expires_at" = NULL, "updated_at" = ${q.date(now)}, ` +
            `"finished_at" = ${outcome.status === 'failed' ? 'NULL' : q.date(now)} ` +
            `WHERE "id" IN (${q.list(ids.slice(i, i + CHUNK))}) AND "lease_owner" = ${q.value(owner)} ` +
            `AND "attempts" = ${q.value(outcome.attempt)} AND "status" = 'processing'`,
          q.params,
        );
      }
    }
  }

  /**
   * Lease up to `limit` due runs, oldest due first. SQLite: one UPDATE … RETURNING over the
   * index walks of SQLITE_DUE_RUN_IDS (the write lock keeps other writers out). PostgreSQL:
   * lock the due rows, skipping those another worker holds, then update them.
   */
  private async leaseDueRuns(
    manager: EntityManager,
    limit: number,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<RunRecord[]> {
    const q = this.statement();
    const lease =
      `SET "attempts" = "attempts" + 1, "status" = 'processing', ` +
      `"lease_owner" = ${q.value(owner)}, ` +
      `"lease_expires_at" = ${q.date(new Date(now.getTime() + leaseMs))}, ` +
      `"updated_at" = ${q.date(now)}`;
    let due: string;
    if (this.postgres) {
      const lock = this.statement();
      const rows: { id: string }[] = await manager.query(
        `SELECT "id" FROM "runs" WHERE ("status" IN ('pending', 'failed') ` +
          `AND "next_attempt_at" <= ${lock.date(now)}) ` +
          // A crashed or stuck owner's lease has run out: take the run over.
          `OR ("status" = 'processing' AND "lease_expires_at" <= ${lock.date(now)}) ` +
          `ORDER BY "next_attempt_at" LIMIT ${lock.value(limit)} FOR UPDATE SKIP LOCKED`,
        lock.params,
      );
      if (rows.length === 0) return [];
      due = q.list(rows.map((row) => row.id));
    } else {
      const dueIds = SQLITE_DUE_RUN_IDS.replace(/:now|:limit/g, (name) =>
        name === ':now' ? q.date(now) : q.value(limit),
      );
      due = `SELECT "id" FROM "runs" WHERE "id" IN (${dueIds}) ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}`;
    }
    const rows = await queryReturning<RunRow>(
      manager,
      `UPDATE "runs" ${lease} WHERE "id" IN (${due}) RETURNING ${RUN_COLUMNS}`,
      q.params,
    );
    return rows.map(runFromRow);
  }

  /** Parameters in the engine's placeholder style; dates as TypeORM stores them. */
  private statement(): StatementParameters {
    return new StatementParameters(this.postgres);
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
   * Keep each delivery's status and attempts in step with its runs (one UPDATE computing them
   * from the runs, see delivery-status.ts). On PostgreSQL the deliveries are locked first, in id
   * order: concurrent transactions touching runs of one delivery then take turns (the last one
   * reads every run committed) and cannot deadlock.
   */
  private async refreshDeliveries(manager: EntityManager, deliveryIds: string[]): Promise<void> {
    const ids = [...new Set(deliveryIds)].sort();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (this.postgres) {
        const lock = this.statement();
        await manager.query(
          `SELECT "id" FROM "deliveries" WHERE "id" IN (${lock.list(chunk)}) ` +
            `ORDER BY "id" FOR NO KEY UPDATE`,
          lock.params,
        );
      }
      const q = this.statement();
      await manager.query(
        `UPDATE "deliveries" SET ${DELIVERY_STATE_FROM_RUNS_SQL} WHERE "id" IN (${q.list(chunk)})`,
        q.params,
      );
    }
  }

  /**
   * Insert new runs (made by newRun: no lease, error or finish yet), skipping any a concurrent
   * planner already made for the same (delivery, handler). One raw multi-row INSERT per chunk:
   * TypeORM's insert builder spent more CPU on its parameter bookkeeping than the store did.
   */
  private async insertRuns(manager: EntityManager, runs: RunRecord[]): Promise<void> {
    for (let i = 0; i < runs.length; i += CHUNK) {
      const q = this.statement();
      const rows = runs
        .slice(i, i + CHUNK)
        .map(
          (run) =>
            `(${q.value(run.id)}, ${q.value(run.deliveryId)}, ${q.value(run.handler)}, ` +
            `${q.value(run.status)}, ${q.value(run.attempts)}, ${q.date(run.nextAttemptAt)}, ` +
            `NULL, NULL, NULL, ${q.date(run.createdAt)}, ${q.date(run.updatedAt)}, NULL)`,
        );
      await manager.query(
        `INSERT INTO "runs" (${RUN_COLUMNS}) VALUES ${rows.join(', ')} ON CONFLICT DO NOTHING`,
        q.params,
      );
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

/** The columns of a run, as a raw statement returns them. */
const RUN_COLUMNS = [
  'id',
  'delivery_id',
  'handler',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_expires_at',
  'last_error',
  'created_at',
  'updated_at',
  'finished_at',
]
  .map((column) => `"${column}"`)
  .join(', ');

interface RunRow {
  id: string;
  delivery_id: string;
  handler: string;
  status: RunStatus;
  attempts: number;
  next_attempt_at: Date | string;
  lease_owner: string | null;
  lease_expires_at: Date | string | null;
  last_error: string | null;
  created_at: Date | string;
  updated_at: Date | string;
  finished_at: Date | string | null;
}

function runFromRow(row: RunRow): RunRecord {
  return {
    id: row.id,
    deliveryId: row.delivery_id,
    handler: row.handler,
    status: row.status,
    attempts: Number(row.attempts),
    nextAttemptAt: storedDate(row.next_attempt_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: row.lease_expires_at === null ? null : storedDate(row.lease_expires_at),
    lastError: row.last_error,
    createdAt: storedDate(row.created_at),
    updatedAt: storedDate(row.updated_at),
    finishedAt: row.finished_at === null ? null : storedDate(row.finished_at),
  };
}
