import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../connection';
import { QueryDialect } from '../query-dialect';
import { CHUNK } from '../sql/run-statements';
import { storedDate } from '../sql/stored-date';

/** How many rows had one value of a column in one time bucket. */
export interface BucketCount {
  /** The bucket's start, in Unix seconds. */
  at: number;
  key: string;
  count: number;
}

/** One endpoint's traffic as the store knows it. */
export interface EndpointTraffic {
  lastDeliveryAt: Date | null;
  /** Deliveries received since the instant asked for. */
  recent: number;
}

interface BucketRow {
  at: number | string;
  key: string;
  count: number | string;
}

/**
 * The dashboard's counts from the store: deliveries and attempts per time bucket, and each
 * endpoint's last delivery and recent count. Each is one statement answered from an index.
 */
@Injectable()
export class StoreActivity {
  constructor(
    @InjectDataSource(HOOKGATE_CONNECTION) private readonly dataSource: DataSource,
    private readonly dialect: QueryDialect,
  ) {}

  /** Deliveries received in [from, to), per bucket and current status (ix_deliveries_received_at). */
  deliveries(from: Date, to: Date, bucketSeconds: number): Promise<BucketCount[]> {
    return this.bucketCounts('deliveries', 'received_at', 'status', from, to, bucketSeconds);
  }

  /** Attempts started in [from, to), per bucket and outcome (ix_run_attempts_started covers it). */
  attempts(from: Date, to: Date, bucketSeconds: number): Promise<BucketCount[]> {
    return this.bucketCounts('run_attempts', 'started_at', 'outcome', from, to, bucketSeconds);
  }

  /**
   * For each endpoint (by provider and id), its newest delivery's time (a walk of
   * ix_deliveries_provider_endpoint from its end) and how many arrived since `since` (a range of
   * ix_deliveries_received_at); keyed `provider/id`.
   */
  async endpoints(
    endpoints: readonly { provider: string; id: string }[],
    since: Date,
  ): Promise<Map<string, EndpointTraffic>> {
    const traffic = new Map<string, EndpointTraffic>();
    const key = (provider: string, id: string) => `${provider}/${id}`;
    for (const e of endpoints)
      traffic.set(key(e.provider, e.id), { lastDeliveryAt: null, recent: 0 });
    for (let i = 0; i < endpoints.length; i += CHUNK) {
      const chunk = endpoints.slice(i, i + CHUNK);
      const q = this.dialect.values();
      const newest = chunk.map(
        (e, index) =>
          `SELECT ${index} AS "i", (SELECT "received_at" FROM "deliveries" ` +
          `WHERE "provider" = ${q.value(e.provider)} AND "endpoint" = ${q.value(e.id)} ` +
          `ORDER BY "id" DESC LIMIT 1) AS "last"`,
      );
      const rows: { i: number | string; last: Date | string | null }[] =
        await this.dataSource.query(newest.join(' UNION ALL '), q.params);
      for (const row of rows) {
        const e = chunk[Number(row.i)];
        traffic.get(key(e.provider, e.id))!.lastDeliveryAt = row.last ? storedDate(row.last) : null;
      }
    }
    // MATERIALIZED: the range first; grouped directly, SQLite would walk all of
    // ix_deliveries_provider_endpoint for the grouping's order instead.
    const q = this.dialect.values();
    const counts: { provider: string; endpoint: string; count: number | string }[] =
      await this.dataSource.query(
        `WITH "recent" AS MATERIALIZED (SELECT "provider", "endpoint" FROM "deliveries" ` +
          `WHERE "received_at" >= ${q.date(since)}) ` +
          `SELECT "provider", "endpoint", COUNT(*) AS "count" FROM "recent" GROUP BY 1, 2`,
        q.params,
      );
    for (const row of counts) {
      const entry = traffic.get(key(row.provider, row.endpoint));
      if (entry) entry.recent = Number(row.count);
    }
    return traffic;
  }

  private async bucketCounts(
    table: string,
    timeColumn: string,
    keyColumn: string,
    from: Date,
    to: Date,
    bucketSeconds: number,
  ): Promise<BucketCount[]> {
    const q = this.dialect.values();
    const time = `"${timeColumn}"`;
    const rows: BucketRow[] = await this.dataSource.query(
      `SELECT ${this.dialect.epochBucket(time, bucketSeconds)} AS "at", "${keyColumn}" AS "key", ` +
        `COUNT(*) AS "count" FROM "${table}" ` +
        `WHERE ${time} >= ${q.date(from)} AND ${time} < ${q.date(to)} GROUP BY 1, 2`,
      q.params,
    );
    return rows.map((row) => ({ at: Number(row.at), key: row.key, count: Number(row.count) }));
  }
}
