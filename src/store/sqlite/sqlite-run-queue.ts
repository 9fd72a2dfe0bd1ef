import { Injectable } from '@nestjs/common';
import { Mutex } from 'async-mutex';
import type { ClaimedRun, Planning, PlanningDelivery, RunOutcome } from '../model';
import { RunQueueBase } from '../run-queue-base';
import { attemptInserts } from '../sql/attempt-statements';
import { ClaimedRow, claimedRunsFromRows, claimedRunsSql } from '../sql/claimed-rows';
import { planRuns } from '../sql/run-plan';
import {
  deliveryRefresh,
  dueRunWalks,
  leaseAssignments,
  outcomeUpdates,
  unplannedDeliveriesSql,
} from '../sql/run-statements';
import {
  type Statement,
  StatementParameters,
  type StatementValues,
  type ValuesFactory,
} from '../sql/statement-parameters';
import { sqliteDatetime } from './sqlite-datetime';
import { ScriptLiterals, runScript } from './sqlite-script';

/** The runs a turn leased, for reading them back after its script (per connection). */
const CLAIMED = 'temp."hookgate_claimed"';

/**
 * The run queue on SQLite. Planning and the worker's turn are sent as scripts with the values
 * written in (see runScript): a transaction of separate statements would hold the one
 * connection, and every inbox insert waiting for it, across an event-loop turn per statement
 * (docs/adr/0015-statements-sent-as-scripts.md). Planning does not lease what it plans: its
 * script is cheap beside a claim (docs/adr/0028-planning-leases-on-postgresql.md).
 */
@Injectable()
export class SqliteRunQueue extends RunQueueBase {
  readonly leasesWhilePlanning = false;
  protected readonly materializedAttemptRows = false;
  protected readonly parameters: ValuesFactory = () =>
    new StatementParameters({ placeholder: () => '?', date: sqliteDatetime });
  protected readonly literals: ValuesFactory = () => new ScriptLiterals();
  /**
   * Turns one at a time: each fills the connection's temp table of leased runs and reads it
   * back in a second call, which another turn's script must not come between.
   */
  private readonly turns = new Mutex();

  protected deliveryRefresh(ids: readonly string[]): Statement[] {
    const q = this.parameters();
    return [deliveryRefresh(q, q.list(ids))];
  }

  /**
   * Read, then write in one script. Planning the same deliveries twice (another process on the
   * file planned them in between) changes nothing: the runs already exist. The read is shared
   * with the inbox's inserts, the script is not (see StoreWriteLock).
   */
  protected async planBatch(
    limit: number,
    handlersFor: (delivery: PlanningDelivery) => string[],
    planningRead?: () => void,
  ): Promise<Planning> {
    planningRead?.();
    const deliveries: PlanningDelivery[] = await this.lock.runShared(() =>
      this.dataSource.query(unplannedDeliveriesSql(new ScriptLiterals(), limit)),
    );
    const full = deliveries.length === limit;
    if (deliveries.length === 0) return { planned: 0, full, waiting: 0, leased: [] };
    const plan = planRuns(deliveries, handlersFor, this.literals, this.clock.now());
    await this.script(['BEGIN IMMEDIATE', ...plan.statements.map((s) => s.sql), 'COMMIT']);
    return { planned: deliveries.length, full, waiting: plan.waiting, leased: [] };
  }

  /**
   * A script, then a read of what it leased, shared with the inbox's inserts (see
   * StoreWriteLock). The temp table is this connection's own and only turns use it.
   */
  protected recordAndClaimAt(
    outcomes: readonly RunOutcome[],
    limit: number,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRun[]> {
    const turn = async () => {
      const script = ['BEGIN IMMEDIATE'];
      // The attempt log first: it reads the runs while they are still leased for the attempt.
      script.push(
        ...attemptInserts(this.literals, outcomes, owner, this.materializedAttemptRows).map(
          (s) => s.sql,
        ),
      );
      script.push(...outcomeUpdates(this.literals, outcomes, owner, now).map((s) => s.sql));
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
          `INSERT INTO ${CLAIMED} ("id") ${dueRunIds(q, now, limit)}`,
          `UPDATE "runs" ${leaseAssignments(q, owner, leaseMs, now)} WHERE "id" IN (SELECT "id" FROM ${CLAIMED})`,
        );
        changed.push(
          `SELECT "delivery_id" FROM "runs" WHERE "id" IN (SELECT "id" FROM ${CLAIMED})`,
        );
      }
      if (changed.length > 0) script.push(deliveryRefresh(q, changed.join(' UNION ')).sql);
      script.push('COMMIT');
      await this.script(script);
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
    return this.turns.runExclusive(turn);
  }

  /**
   * A transaction sent as one script, holding the write lock exclusively: the inbox's insert,
   * kept prepared, would otherwise run inside a script that failed before its ROLLBACK (see
   * runScript).
   */
  private script(statements: readonly string[]): Promise<void> {
    return this.lock.runExclusive(() => runScript(this.dataSource, statements));
  }
}

/** The ids of up to `limit` due runs, oldest due first (see dueRunWalks). */
function dueRunIds(q: StatementValues, now: Date, limit: number): string {
  const walks = dueRunWalks(q, now, limit).map((walk) => `SELECT "id" FROM (${walk})`);
  return (
    `SELECT "id" FROM "runs" WHERE "id" IN (${walks.join(' UNION ALL ')}) ` +
    `ORDER BY "next_attempt_at" LIMIT ${q.value(limit)}`
  );
}
