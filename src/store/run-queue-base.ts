import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { CLOCK, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from './connection';
import { GroupCommit } from './inbox/group-commit';
import type {
  ClaimedRun,
  Planning,
  PlanningDelivery,
  PlanningLease,
  RunOutcome,
  StoredReply,
} from './model';
import { RunQueue } from './run-queue';
import { replyInsert } from './sql/replies';
import { attemptInserts } from './sql/attempt-statements';
import { CHUNK, outcomeUpdates, runInserts } from './sql/run-statements';
import { newRun, resetFields } from './sql/runs';
import { Statement, ValuesFactory } from './sql/statement-parameters';
import { StoreEntitiesRef } from './store-entities.ref';
import { StoreEvents } from './store-events';
import { retryTransientConflicts } from './transient-conflict';
import { StoreWriteLock } from './write-lock';
import { writeTransaction } from './write-transaction';

/**
 * What both engines' run queues share: the rare writes (release, replay, retry), sent through
 * TypeORM in short transactions under the write lock, and the planning of runs. Each adapter
 * adds the two writes that run all the time, planning and the worker's turn, as scripts of its
 * engine, and names how it keeps deliveries in step with their runs.
 */
/** A reply run's outcome and answer, as recordReply takes them. */
interface ReplyRecord {
  outcome: RunOutcome;
  owner: string;
  reply?: StoredReply;
}

@Injectable()
export abstract class RunQueueBase extends RunQueue {
  protected readonly logger = new Logger('Dispatch');
  /**
   * Reply runs that finish while one recording is in flight share the next transaction, as the
   * inbox's deliveries share a commit: one flush for a burst of replies, not one each.
   */
  private readonly replyRecords = new GroupCommit<ReplyRecord, void>(
    (records) => this.writeReplies(records),
    CHUNK,
  );

  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) protected readonly dataSource: DataSource,
    protected readonly entities: StoreEntitiesRef,
    protected readonly lock: StoreWriteLock,
    protected readonly events: StoreEvents,
    @Inject(CLOCK) protected readonly clock: Clock,
  ) {
    super();
  }

  /** Values as bound parameters, in the engine's placeholder style. */
  protected abstract readonly parameters: ValuesFactory;

  /** Values written into the statement's text, for scripts and for what binds no types. */
  protected abstract readonly literals: ValuesFactory;

  /** Whether the attempt log's insert fences its rows with `AS MATERIALIZED` (attemptInserts). */
  protected abstract readonly materializedAttemptRows: boolean;

  /** The statements that bring these deliveries' status and attempts in step with their runs. */
  protected abstract deliveryRefresh(ids: readonly string[]): Statement[];

  /** A planning (see RunQueue.planPending). */
  protected abstract planBatch(
    limit: number,
    handlersFor: (delivery: PlanningDelivery) => string[],
    planningRead?: () => void,
    lease?: PlanningLease,
  ): Promise<Planning>;

  /** A turn at `now` (see RunQueue.recordAndClaim); never called with nothing to do. */
  protected abstract recordAndClaimAt(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRun[]>;

  planPending(
    limit: number,
    handlersFor: (delivery: PlanningDelivery) => string[],
    planningRead?: () => void,
    lease?: PlanningLease,
  ): Promise<Planning> {
    return this.planBatch(limit, handlersFor, planningRead, lease);
  }

  recordAndClaim(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
  ): Promise<ClaimedRun[]> {
    const now = this.clock.now();
    if (outcomes.length === 0 && limit <= 0) return Promise.resolve([]);
    return this.recordAndClaimAt(outcomes, limit, owner, leaseMs, now);
  }

  recordReply(outcome: RunOutcome, owner: string, reply?: StoredReply): Promise<void> {
    return this.replyRecords.submit({ outcome, owner, reply });
  }

  async release(
    runIds: string[],
    owner: string,
    onlyAtAttempt?: ReadonlyMap<string, number>,
  ): Promise<void> {
    if (runIds.length === 0) return;
    const now = this.clock.now();
    await this.write(async (manager) => {
      const held = await manager
        .getRepository(this.entities.Run)
        .findBy({ id: In(runIds), leaseOwner: owner, status: 'processing' });
      const runs = held.filter(
        (run) => !onlyAtAttempt || onlyAtAttempt.get(run.id) === run.attempts,
      );
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

  async replay(deliveryId: string, handlers: string[]): Promise<number> {
    const now = this.clock.now();
    const touched = await this.write(async (manager) => {
      const runRepo = manager.getRepository(this.entities.Run);
      const existing = await runRepo.findBy({ deliveryId, handler: In(handlers) });
      const known = new Set(existing.map((r) => r.handler));
      for (const run of existing) {
        await runRepo.update(run.id, { ...resetFields(now) });
      }
      const missing = handlers.filter((h) => !known.has(h)).map((h) => newRun(deliveryId, h, now));
      await this.send(manager, runInserts(this.parameters, missing));
      await manager.getRepository(this.entities.Delivery).update(deliveryId, { planned: true });
      await this.refreshDeliveries(manager, [deliveryId]);
      return handlers.length;
    });
    // Wake workers in every process (on PostgreSQL, PgNotify relays it).
    this.events.notifyStored(touched, 'local', 'claim');
    return touched;
  }

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
    this.events.notifyStored(touched, 'local', 'claim');
    return touched;
  }

  /** One transaction for a batch of reply runs: their answers, outcomes and deliveries' state. */
  private async writeReplies(records: ReplyRecord[]): Promise<void[]> {
    const now = this.clock.now();
    const statements = records
      .filter((record) => record.reply)
      .map(({ outcome, reply }) => replyInsert(this.parameters(), outcome.deliveryId, reply!, now));
    for (const owner of new Set(records.map((record) => record.owner))) {
      const outcomes = records.filter((r) => r.owner === owner).map((r) => r.outcome);
      // The attempt log first, as a turn writes it: it reads the runs while still leased. As
      // literals: PostgreSQL cannot type bound parameters in its VALUES list.
      statements.push(
        ...attemptInserts(this.literals, outcomes, owner, this.materializedAttemptRows),
      );
      statements.push(...outcomeUpdates(this.parameters, outcomes, owner, now));
    }
    await this.write(async (manager) => {
      await this.send(manager, statements);
      await this.refreshDeliveries(
        manager,
        records.map((record) => record.outcome.deliveryId),
      );
    });
    return records.map(() => undefined);
  }

  private write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.lock.runExclusive(() =>
      retryTransientConflicts(() => writeTransaction(this.dataSource, work)),
    );
  }

  private async send(manager: EntityManager, statements: readonly Statement[]): Promise<void> {
    for (const { sql, params } of statements) await manager.query(sql, params);
  }

  /** Keep each delivery's status and attempts in step with its runs, in chunks, in id order. */
  private async refreshDeliveries(manager: EntityManager, deliveryIds: string[]): Promise<void> {
    const ids = [...new Set(deliveryIds)].sort();
    for (let i = 0; i < ids.length; i += CHUNK) {
      await this.send(manager, this.deliveryRefresh(ids.slice(i, i + CHUNK)));
    }
  }
}
