import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../connection';
import { QueryDialect } from '../query-dialect';
import { storedDate } from '../sql/stored-date';

/** Dead and failing runs that share a handler (and, grouped by error, their error's first line). */
export interface FailureGroup {
  handler: string;
  /** The first line of the runs' last error (its name and message); null grouped by handler. */
  error: string | null;
  dead: number;
  /** Runs that failed and will be attempted again (status `failed`). */
  failing: number;
  /** When the group's least and most recent failure was recorded. */
  oldest: Date;
  newest: Date;
  /** A delivery of the group: the newest one's id. */
  sampleDeliveryId: string;
}

interface GroupRow {
  handler: string;
  error?: string | null;
  dead: number | string;
  failing: number | string;
  oldest: Date | string;
  newest: Date | string;
  sample: string;
}

/** The dashboard's dead letters and failures, grouped (`GET /admin/failures`). */
@Injectable()
export class FailureGroups {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly dialect: QueryDialect,
  ) {}

  /**
   * One aggregate over the dead and failed runs (found through ix_runs_due's status), largest
   * groups first. A run's `updated_at` is when its last failure was recorded.
   */
  async list(groupBy: 'handler' | 'error', limit: number): Promise<FailureGroup[]> {
    const q = this.dialect.values();
    const byError = groupBy === 'error';
    const error = byError ? `, ${this.dialect.firstLine('"last_error"')} AS "error"` : '';
    const rows: GroupRow[] = await this.dataSource.query(
      `SELECT "handler"${error}, ` +
        `SUM(CASE WHEN "status" = 'dead' THEN 1 ELSE 0 END) AS "dead", ` +
        `SUM(CASE WHEN "status" = 'failed' THEN 1 ELSE 0 END) AS "failing", ` +
        `MIN("updated_at") AS "oldest", MAX("updated_at") AS "newest", ` +
        `MAX("delivery_id") AS "sample" ` +
        `FROM "runs" WHERE "status" IN ('dead', 'failed') ` +
        `GROUP BY ${byError ? '1, 2' : '1'} ` +
        `ORDER BY COUNT(*) DESC, MAX("updated_at") DESC, 1 LIMIT ${q.value(limit)}`,
      q.params,
    );
    return rows.map((row) => ({
      handler: row.handler,
      error: byError ? (row.error ?? null) : null,
      dead: Number(row.dead),
      failing: Number(row.failing),
      oldest: storedDate(row.oldest),
      newest: storedDate(row.newest),
      sampleDeliveryId: row.sample,
    }));
  }
}
