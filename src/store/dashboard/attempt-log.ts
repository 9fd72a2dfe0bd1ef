import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../connection';
import type { AttemptOutcome, AttemptRecord } from '../model';
import { hasNul } from '../nul-text';
import { QueryDialect } from '../query-dialect';
import { storedDate } from '../sql/stored-date';

interface AttemptRow {
  run_id: string;
  delivery_id: string;
  handler: string;
  attempt: number | string;
  started_at: Date | string;
  duration_ms: number | string;
  outcome: AttemptOutcome;
  error: string | null;
  stack: string | null;
}

/** Reads of the attempt log (`run_attempts`), which the worker's turns write. */
@Injectable()
export class AttemptLog {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly dialect: QueryDialect,
  ) {}

  /** Every recorded attempt of a delivery's runs, oldest first (a walk of its index). */
  async ofDelivery(deliveryId: string): Promise<AttemptRecord[]> {
    if (hasNul(deliveryId)) return [];
    const q = this.dialect.values();
    const rows: AttemptRow[] = await this.dataSource.query(
      `SELECT "run_id", "delivery_id", "handler", "attempt", "started_at", "duration_ms", ` +
        `"outcome", "error", "stack" FROM "run_attempts" ` +
        `WHERE "delivery_id" = ${q.value(deliveryId)} ORDER BY "started_at", "id"`,
      q.params,
    );
    return rows.map((row) => ({
      runId: row.run_id,
      deliveryId: row.delivery_id,
      handler: row.handler,
      attempt: Number(row.attempt),
      startedAt: storedDate(row.started_at),
      durationMs: Number(row.duration_ms),
      outcome: row.outcome,
      error: row.error,
      stack: row.stack,
    }));
  }
}
