import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Mutex } from 'async-mutex';
import { DataSource, EntityManager, In } from 'typeorm';
import { CLOCK, type Clock } from '../config/tokens';
import { HOOKGATE_CONNECTION } from './data-source';
import type { DeliveryRecord, RunRecord, RunStatus } from './entities';
import { StoreEntitiesRef } from './store-entities.ref';
import { StoreEvents } from './store-events';
import {
  PostgresLiterals,
  SendScript,
  postgresScriptTransaction,
} from './postgres/postgres-script';
import { ScriptLiterals, runScript } from './sqlite/sqlite-script';
import { Statement, StatementParameters } from './sql/statement-parameters';
import { retryTransientConflicts } from './postgres/transient-conflict';
import { StoreWriteLock } from './write-lock';
import { writeTransaction } from './write-transaction';
import {
  ClaimedDeliveryRow,
  ClaimedRow,
  claimedDeliveriesSql,
  claimedRunsAndDeliveriesSql,
  claimedRunsFromRows,
  claimedRunsFromSeparateRows,
  claimedRunsSql,
  runsWithDeliveries,
} from './sql/claimed-rows';
import {
  CHUNK,
  deliveryRefresh,
  leaseAssignments,
  lockedDeliveryRefresh,
  newLeasedRun,
  newRun,
  outcomeUpdates,
  postgresLeaseDueRuns,
  resetFields,
  RunRow,
  runInserts,
  sqliteDueRunIds,
  unplannedDeliveriesSql,
  type ValuesFactory,
} from './sql/run-statements';

/** Room the worker offers a planning for runs leased to it at once (see planPending). */
export interface PlanningLease {
  owner: string;
  leaseMs: number;
  /** Runs it can take. */
  room: number;
}

/** What a planning did. */
export interface Planning {
  /** Deliveries planned. */
  planned: number;
  /** As many deliveries were found as were asked for: more may wait. */
  full: boolean;
  /** Deliveries planned whose runs were not leased: they wait to be claimed. */
  waiting: number;
  /** Runs planned leased to the worker, with their deliveries: the worker's to start. */
  leased: ClaimedRun[];
}

/** What the PostgreSQL lease returns of each run it leased. */
interface LeasedRun {
  id: string;
  delivery_id: string;
  attempts: number;
}

export interface ClaimedRun {
  run: RunRecord;
  delivery: DeliveryRecord;
}

/** What planning needs of a delivery: which handlers match it. */
export type PlanningDelivery = Pick<DeliveryRecord, 'id' | 'provider' | 'endpoint' | 'type'>;

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

/** The runs a SQLite worker turn leased, for reading them back after its script (per connection). */
const CLAIMED = 'temp."hookgate_claimed"';

/**
 * Every write of the dispatch side: planning runs for new deliveries, claiming due runs with a
 * lease, recording outcomes, releasing, and replays. Short transactions through the write lock
 * (SQLite) or with row locks that skip what another process holds (PostgreSQL).
 *
 * The two that run all the time, planning and the worker's turn, send their statements as
 * scripts with the values written in: a transaction made of separate statements waits an
 * event-loop turn per statement, and under load each turn waits behind a batch of requests
 * being parsed and verified. On SQLite such a transaction also holds the one connection, and
 * every inbox insert waiting for it, all that time (see runScript); on PostgreSQL it is the
 * worker's pace (see postgresScriptTransaction).
 */
@Injectable()
export class RunStore {
  private readonly logger = new Logger('Dispatch');
  /**
   * SQLite turns one at a time: each fills the connection's temp table of leased runs and reads
   * it back in a second call, which another turn's script must not come between. (The worker
   * loop turns one at a time anyway; this keeps it true for any other caller.)
   */
  private readonly sqliteTurns = new Mutex();

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

  /**
   * Whether planPending takes a lease: on PostgreSQL. SQLite's planning script is cheap beside
   * its claims, and its drain keeps up without (bench/README.md).
   */
  get leasesWhilePlanning(): boolean {
    return this.postgres;
  }

  /** Parameters in the engine's placeholder style; dates as TypeORM stores them. */
  private statement(): StatementParameters {
    return new StatementParameters(this.postgres);
  }

  /** Values as bound parameters (statements sent one by one) or as literals (in a script). */
  private readonly parameters: ValuesFactory = () => this.statement();
  private readonly sqliteLiterals: ValuesFactory = () => new ScriptLiterals();
  private readonly postgresLiterals: ValuesFactory = () => new PostgresLiterals();

  /**
   * A SQLite transaction sent as one script, holding the write lock exclusively: the inbox's
   * insert, kept prepared, would otherwise run inside a script that failed before its ROLLBACK
   * (see runScript).
   */
  private sqliteScript(statements: readonly string[]): Promise<void> {
    return this.lock.runExclusive(() => runScript(this.dataSource, statements));
  }

  /** A PostgreSQL transaction sent as scripts, run again if it lost a deadlock. */
  private postgresScripts<T>(work: (send: SendScript) => Promise<T>): Promise<T> {
    return retryTransientConflicts(() => postgresScriptTransaction(this.dataSource, work));
  }

  private async send(manager: EntityManager, statements: readonly Statement[]): Promise<void> {
    for (const { sql, params } of statements) await manager.query(sql, params);
  }

  /**
   * Create the runs of up to `limit` deliveries that have none yet: those stored by a process
   * that runs no worker (its inbox does not plan on arrival, see ArrivalDispatch) or by an
   * earlier build. A delivery no handler matches is done at once. `planningRead` is called
   * as the read of new deliveries is sent: one committed after that moment may be missed by it.
   *
   * `lease` (PostgreSQL only, see leasesWhilePlanning): room the worker has now. Planning then takes only as many
   * deliveries as it holds runs, and writes their runs leased to the worker at their first
   * attempt, as the inbox does on arrival: a claim would otherwise update each run and its
   * delivery once more, in a transaction of its own (a third of the server's time per run in a
   * drain). The leased runs come back with their deliveries, read in the text that commits.
   */
  async planPending(
    limit: number,
    handlersFor: (d: PlanningDelivery) => string[],
    planningRead?: () => void,
    lease?: PlanningLease,
  ): Promise<Planning> {
    if (this.postgres) return this.planPendingPostgres(limit, handlersFor, planningRead, lease);
    // SQLite: read, then write in one script. Planning the same deliveries twice (another
    // process on the file planned them in between) changes nothing: the runs already exist.
    // The read is shared with the inbox's inserts, the script is not (see StoreWriteLock).
    planningRead?.();
    const deliveries: PlanningDelivery[] = await this.lock.runShared(() =>
      this.dataSource.query(unplannedDeliveriesSql(new ScriptLiterals(), limit)),
    );
    const full = deliveries.length === limit;
    if (deliveries.length === 0) return { planned: 0, full, waiting: 0, leased: [] };
    const { statements, waiting } = this.plan(deliveries, handlersFor, this.sqliteLiterals);
    await this.sqliteScript(['BEGIN IMMEDIATE', ...statements.map((s) => s.sql), 'COMMIT']);
    return { planned: deliveries.length, full, waiting, leased: [] };
  }

  /**
   * Two round trips: lock the deliveries to plan (skipping those another worker is planning),
   * then write their runs, read the deliveries of those leased, and commit.
   */
  private async planPendingPostgres(
    limit: number,
    handlersFor: (d: PlanningDelivery) => string[],
    planningRead?: () => void,
    lease?: PlanningLease,
  ): Promise<Planning> {
    const leasing = lease && lease.room > 0 ? lease : undefined;
    const take = leasing ? Math.min(limit, leasing.room) : limit;
    /** The runs the last try leased, each at its first attempt. */
    let leasedAttempts = new Map<string, number>();
    try {
      return await this.postgresScripts(async (send) => {
        leasedAttempts = new Map();
        planningRead?.();
        const q = new PostgresLiterals();
        const [, rows] = await send([
          'BEGIN',
          unplannedDeliveriesSql(q, take, ' FOR UPDATE SKIP LOCKED'),
        ]);
        const deliveries = rows as PlanningDelivery[];
        const { statements, inserts, leased, waiting } = this.plan(
          deliveries,
          handlersFor,
          this.postgresLiterals,
          leasing,
        );
        // A leased run goes to the worker only if it was written: a run for the same
        // (delivery, handler) that already existed is skipped by the insert, and not ours.
        const returning = leased.length > 0 ? inserts : 0;
        const texts = statements.map((s, i) => (i < returning ? `${s.sql} RETURNING "id"` : s.sql));
        const readAt = texts.length;
        const leasedDeliveries = [...new Set(leased.map((run) => run.deliveryId))];
        if (leased.length > 0) texts.push(claimedDeliveriesSql(q.list(leasedDeliveries)));
        leasedAttempts = new Map(leased.map((run) => [run.id, run.attempts]));
        const results = await send([...texts, 'COMMIT']);
        const written = new Set(
          results
            .slice(0, returning)
            .flatMap((inserted) => (inserted as { id: string }[]).map((r) => r.id)),
        );
        const claimed =
          leased.length > 0
            ? runsWithDeliveries(
                leased.filter((run) => written.has(run.id)),
                results[readAt] as ClaimedDeliveryRow[],
              )
            : [];
        const full = deliveries.length === take;
        return { planned: deliveries.length, full, waiting, leased: claimed };
      });
    } catch (error) {
      await this.giveBackAfterFailedLease(leasedAttempts, lease?.owner ?? '');
      throw error;
    }
  }

  /**
   * After a transaction that leased runs failed where its commit may have happened (the answer
   * of the text that commits was lost or could not be read): give back the runs still at the
   * attempt it counted, which nobody would otherwise run until their lease expires. After a
   * rollback none is (a run this worker already held and leased again is back at its earlier
   * attempt, and stays its own). If that fails too, they run again when their lease expires.
   */
  private async giveBackAfterFailedLease(
    leasedAttempts: ReadonlyMap<string, number>,
    owner: string,
  ): Promise<void> {
    if (leasedAttempts.size === 0) return;
    await this.release([...leasedAttempts.keys()], owner, leasedAttempts).catch(
      (releaseError: Error) =>
        this.logger.error(
          `Could not give back ${leasedAttempts.size} run(s) after a failed transaction: ` +
            `${releaseError.message} (a claim or planning had leased them); they run again when ` +
            `their lease expires`,
        ),
    );
  }

  /**
   * The runs of `deliveries`, and each marked planned (done, when no handler matches it). With
   * `lease`, the runs of as many deliveries as its room holds go in leased to it, and those
   * deliveries are `processing` at attempt 1, as their runs are. `inserts`: how many of the
   * statements, the first ones, insert runs; `waiting`: how many deliveries got runs not leased.
   * (A run that already existed is not written, yet its delivery is still marked `processing`
   * at attempt 1 here; an unplanned delivery with runs is not known to occur.)
   */
  private plan(
    deliveries: readonly PlanningDelivery[],
    handlersFor: (d: PlanningDelivery) => string[],
    values: ValuesFactory,
    lease?: PlanningLease,
  ): { statements: Statement[]; inserts: number; leased: RunRecord[]; waiting: number } {
    const now = this.clock.now();
    const leasedTo = lease && {
      owner: lease.owner,
      expiresAt: new Date(now.getTime() + lease.leaseMs),
    };
    let room = lease?.room ?? 0;
    const runs: RunRecord[] = [];
    const leased: RunRecord[] = [];
    const waiting: string[] = [];
    const started: string[] = [];
    const idle: string[] = [];
    for (const delivery of deliveries) {
      const handlers = handlersFor(delivery);
      if (handlers.length === 0) {
        idle.push(delivery.id);
      } else if (leasedTo && handlers.length <= room) {
        room -= handlers.length;
        const planned = handlers.map((h) => newLeasedRun(delivery.id, h, now, leasedTo));
        leased.push(...planned);
        runs.push(...planned);
        started.push(delivery.id);
      } else {
        runs.push(...handlers.map((handler) => newRun(delivery.id, handler, now)));
        waiting.push(delivery.id);
      }
    }
    const statements = runInserts(values, runs);
    const inserts = statements.length;
    const states = [
      [waiting, ''],
      [started, `, "status" = 'processing', "attempts" = 1`],
      [idle, `, "status" = 'succeeded'`],
    ] as const;
    for (const [ids, state] of states) {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const q = values();
        const set = `"planned" = ${q.value(true)}${state}`;
        const sql = `UPDATE "deliveries" SET ${set} WHERE "id" IN (${q.list(ids.slice(i, i + CHUNK))})`;
        statements.push({ sql, params: q.params });
      }
    }
    return { statements, inserts, leased, waiting: waiting.length };
  }

  /**
   * One turn of a worker: write back the outcomes of runs it finished, then lease up to `limit`
   * due runs to `owner` (counting their attempt), in one transaction. Recording and claiming
   * together halves the commits (each waits for the disk) and the statements. Returns the
   * claimed runs with their deliveries. PostgreSQL reads them in the text that commits, and
   * gives the runs back if that answer is lost, instead of leaving them leased to nobody until
   * the lease expires. SQLite reads them right after its script.
   */
  async recordAndClaim(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
  ): Promise<ClaimedRun[]> {
    const now = this.clock.now();
    if (outcomes.length === 0 && limit <= 0) return [];
    return this.postgres
      ? this.recordAndClaimPostgres(outcomes, limit, owner, leaseMs, now)
      : this.recordAndClaimSqlite(outcomes, limit, owner, leaseMs, now);
  }

  /**
   * Two round trips: the outcomes and the lease, then, knowing which deliveries they touched,
   * those deliveries refreshed (see lockedDeliveryRefresh), the claimed runs and their
   * deliveries read, and the commit.
   */
  private async recordAndClaimPostgres(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRun[]> {
    /** The runs the last try leased, each with the attempt it counted. */
    let leasedAttempts = new Map<string, number>();
    try {
      return await this.postgresScripts(async (send) => {
        leasedAttempts = new Map();
        const q = new PostgresLiterals();
        const first = ['BEGIN'];
        first.push(
          ...outcomeUpdates(this.postgresLiterals, outcomes, owner, now).map((s) => s.sql),
        );
        if (limit > 0) first.push(postgresLeaseDueRuns(q, limit, owner, leaseMs, now));
        const firstRows = await send(first);
        const leased = (limit > 0 ? firstRows.at(-1)! : []) as LeasedRun[];
        const leasedDeliveries = [...new Set(leased.map((r) => r.delivery_id))];
        const touched = [...new Set([...outcomes.map((o) => o.deliveryId), ...leasedDeliveries])];
        const second = lockedDeliveryRefresh(this.postgresLiterals, touched.sort()).map(
          (s) => s.sql,
        );
        const readAt = second.length;
        if (leased.length > 0) {
          const runIds = q.list(leased.map((r) => r.id));
          second.push(...claimedRunsAndDeliveriesSql(runIds, q.list(leasedDeliveries)));
        }
        leasedAttempts = new Map(leased.map((r) => [r.id, Number(r.attempts)]));
        const secondRows = await send([...second, 'COMMIT']);
        if (leased.length === 0) return [];
        const [runs, deliveries] = [secondRows[readAt], secondRows[readAt + 1]];
        return claimedRunsFromSeparateRows(runs as RunRow[], deliveries as ClaimedDeliveryRow[]);
      });
    } catch (error) {
      // The read and the commit travel in one text: its answer may be lost after the commit.
      await this.giveBackAfterFailedLease(leasedAttempts, owner);
      throw error;
    }
  }

  private recordAndClaimSqlite(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRun[]> {
    // A script, then a read of what it leased, shared with the inbox's inserts (see
    // StoreWriteLock). The temp table is this connection's own and only turns use it.
    const turn = async () => {
      const script = ['BEGIN IMMEDIATE'];
      script.push(...outcomeUpdates(this.sqliteLiterals, outcomes, owner, now).map((s) => s.sql));
      const q = new ScriptLiterals();
      // The deliveries whose runs changed: those of the outcomes and of the runs leased.
      const touched = [...new Set(outcomes.map((o) => o.deliveryId))];
      const changed = touched.length
        ? [`VALUES ${touched.map((id) => `(${q.value(id)})`).join(', ')}`]
        : [];
      if (limit > 0) {
        script.push(
          `CREATE TEMP TABLE IF NOT EXISTS ${CLAIMED} ("id" TEXT PRIMARY KEY)`,
          `DELETE FROM ${CLAIMED}`,
          `INSERT INTO ${CLAIMED} ("id") ${sqliteDueRunIds(q, now, limit)}`,
          `UPDATE "runs" ${leaseAssignments(q, owner, leaseMs, now)} WHERE "id" IN (SELECT "id" FROM ${CLAIMED})`,
        );
        changed.push(
          `SELECT "delivery_id" FROM "runs" WHERE "id" IN (SELECT "id" FROM ${CLAIMED})`,
        );
      }
      if (changed.length > 0) script.push(deliveryRefresh(q, changed.join(' UNION ')).sql);
      script.push('COMMIT');
      await this.sqliteScript(script);
      if (limit === 0) return [];
      // Only those still leased to this owner: a replay or a release may come between.
      const stillLeased =
        `SELECT c."id" FROM ${CLAIMED} c JOIN "runs" l ON l."id" = c."id" ` +
        `WHERE l."lease_owner" = ${q.value(owner)} AND l."status" = 'processing'`;
      const rows: ClaimedRow[] = await this.lock.runShared(() =>
        this.dataSource.query(claimedRunsSql(stillLeased)),
      );
      return claimedRunsFromRows(rows);
    };
    return this.sqliteTurns.runExclusive(turn);
  }

  /**
   * Give back runs still held by `owner` (shutdown): the attempt did not happen. With
   * `onlyAtAttempt`, only those still at the attempt it gives for each.
   */
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
    this.events.notifyStored(touched, 'local', 'claim');
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
    this.events.notifyStored(touched, 'local', 'claim');
    return touched;
  }

  /**
   * Keep each delivery's status and attempts in step with its runs (one UPDATE computing them
   * from the runs, see delivery-status.ts; on PostgreSQL after locking them, see
   * lockedDeliveryRefresh).
   */
  private async refreshDeliveries(manager: EntityManager, deliveryIds: string[]): Promise<void> {
    const ids = [...new Set(deliveryIds)].sort();
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      if (this.postgres) {
        await this.send(manager, lockedDeliveryRefresh(this.parameters, chunk));
      } else {
        const q = this.statement();
        await this.send(manager, [deliveryRefresh(q, q.list(chunk))]);
      }
    }
  }

  private insertRuns(manager: EntityManager, runs: RunRecord[]): Promise<void> {
    return this.send(manager, runInserts(this.parameters, runs));
  }
}
