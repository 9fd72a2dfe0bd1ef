import { Injectable } from '@nestjs/common';
import type { ClaimedRun, Planning, PlanningDelivery, PlanningLease, RunOutcome } from '../model';
import { RunQueueBase } from '../run-queue-base';
import {
  ClaimedDeliveryRow,
  claimedDeliveriesSql,
  claimedRunsAndDeliveriesSql,
  claimedRunsFromSeparateRows,
  runsWithDeliveries,
} from '../sql/claimed-rows';
import { attemptInserts } from '../sql/attempt-statements';
import { planRuns } from '../sql/run-plan';
import { outcomeUpdates, unplannedDeliveriesSql } from '../sql/run-statements';
import type { RunRow } from '../sql/runs';
import {
  type Statement,
  StatementParameters,
  type ValuesFactory,
} from '../sql/statement-parameters';
import { retryTransientConflicts } from '../transient-conflict';
import { PostgresLiterals, SendScript, postgresScriptTransaction } from './postgres-script';
import { lockedDeliveryRefresh, postgresLeaseDueRuns } from './postgres-run-statements';

/** What the lease returns of each run it leased. */
interface LeasedRun {
  id: string;
  delivery_id: string;
  attempts: number;
}

/**
 * The run queue on PostgreSQL. Planning and the worker's turn are script transactions of two
 * round trips each (see postgresScriptTransaction), with row locks that skip what another
 * worker holds. Planning leases what it plans to the worker when it has room, as the inbox does
 * on arrival: a claim would otherwise update each run and its delivery once more, in a
 * transaction of its own (docs/adr/0028-planning-leases-on-postgresql.md). Both read the runs
 * they leased in the text that commits, and give them back if that answer is lost, instead of
 * leaving them leased to nobody until the lease expires.
 */
@Injectable()
export class PostgresRunQueue extends RunQueueBase {
  readonly leasesWhilePlanning = true;
  protected readonly materializedAttemptRows = true;
  protected readonly parameters: ValuesFactory = () =>
    new StatementParameters({ placeholder: (position) => `$${position}`, date: (d) => d });
  protected readonly literals: ValuesFactory = () => new PostgresLiterals();

  protected deliveryRefresh(ids: readonly string[]): Statement[] {
    return lockedDeliveryRefresh(this.parameters, ids);
  }

  /**
   * Two round trips: lock the deliveries to plan (skipping those another worker is planning),
   * then write their runs, read the deliveries of those leased, and commit.
   */
  protected async planBatch(
    limit: number,
    handlersFor: (delivery: PlanningDelivery) => string[],
    planningRead?: () => void,
    lease?: PlanningLease,
  ): Promise<Planning> {
    const leasing = lease && lease.room > 0 ? lease : undefined;
    const take = leasing ? Math.min(limit, leasing.room) : limit;
    /** The runs the last try leased, each at its first attempt. */
    let leasedAttempts = new Map<string, number>();
    try {
      return await this.scripts(async (send) => {
        leasedAttempts = new Map();
        planningRead?.();
        const q = new PostgresLiterals();
        const [, rows] = await send([
          'BEGIN',
          unplannedDeliveriesSql(q, take, ' FOR UPDATE SKIP LOCKED'),
        ]);
        const deliveries = rows as PlanningDelivery[];
        const now = this.clock.now();
        const { statements, inserts, leased, waiting } = planRuns(
          deliveries,
          handlersFor,
          this.literals,
          now,
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
   * Two round trips: the outcomes and the lease, then, knowing which deliveries they touched,
   * those deliveries refreshed (see lockedDeliveryRefresh), the claimed runs and their
   * deliveries read, and the commit.
   */
  protected async recordAndClaimAt(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRun[]> {
    /** The runs the last try leased, each with the attempt it counted. */
    let leasedAttempts = new Map<string, number>();
    try {
      return await this.scripts(async (send) => {
        leasedAttempts = new Map();
        const q = new PostgresLiterals();
        const first = ['BEGIN'];
        // The attempt log first: it reads the runs while they are still leased for the attempt.
        first.push(
          ...attemptInserts(this.literals, outcomes, owner, this.materializedAttemptRows).map(
            (s) => s.sql,
          ),
        );
        first.push(...outcomeUpdates(this.literals, outcomes, owner, now).map((s) => s.sql));
        if (limit > 0) first.push(postgresLeaseDueRuns(q, limit, owner, leaseMs, now));
        const firstRows = await send(first);
        const leased = (limit > 0 ? firstRows.at(-1)! : []) as LeasedRun[];
        const leasedDeliveries = [...new Set(leased.map((r) => r.delivery_id))];
        const touched = [...new Set([...outcomes.map((o) => o.deliveryId), ...leasedDeliveries])];
        const second = lockedDeliveryRefresh(this.literals, touched.sort()).map((s) => s.sql);
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

  /** Which handlers each delivery needs, as planPending's callers give it. */
  protected handlersOf(
    handlersFor: (delivery: PlanningDelivery) => string[],
  ): (delivery: PlanningDelivery) => string[] {
    return handlersFor;
  }

  /** A transaction sent as scripts, run again if it lost a deadlock. */
  private scripts<T>(work: (send: SendScript) => Promise<T>): Promise<T> {
    return retryTransientConflicts(() => postgresScriptTransaction(this.dataSource, work));
  }
}
