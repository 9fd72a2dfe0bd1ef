import { DataSource } from 'typeorm';
import {
  ClaimedDeliveryRow,
  ClaimedRow,
  claimedRunsAndDeliveriesSql,
  claimedRunsFromRows,
  claimedRunsFromSeparateRows,
  claimedRunsSql,
} from '../../src/store/sql/claimed-rows';
import { newRun, RunRow } from '../../src/store/sql/runs';
import type { ClaimedRun } from '../../src/store/model';
import { engineOfUrl } from '../../src/store/engine';
import type { DeliveryRecord, RunRecord } from '../../src/store/model';
import { storeEntities } from '../../src/store/entities';
import { PostgresLiterals } from '../../src/store/postgres/postgres-script';
import { ScriptLiterals } from '../../src/store/sqlite/sqlite-script';
import { insertDeliveryRecords, readDeliveryRecord } from '../helpers/stored-deliveries';
import { testDatabaseUrl } from '../helpers/test-app';
import { migratedTestDataSource } from '../helpers/test-data-source';

/**
 * The worker's joined read hydrates rows by hand (SQLite's raw text and numbers, PostgreSQL's
 * driver-parsed values); TypeORM's entity hydration of the same rows is the reference it must
 * match, field for field. Runs on the engine of the pass (SQLite, then PostgreSQL).
 */
/** The two forms of the read: joined (SQLite's worker), or the runs then their deliveries. */
const READS = ['joined', 'separate'] as const;

describe.each(READS)('claimed runs read as raw rows (%s)', (form) => {
  let dataSource: DataSource;
  const engine = engineOfUrl(testDatabaseUrl());
  const entities = storeEntities(engine);
  const { Run } = entities;
  /** The claimed runs, as the worker's statement names them: a list of literals here. */
  let claimedIds: string[];

  beforeEach(async () => {
    dataSource = await migratedTestDataSource();
    claimedIds = [];
  });

  afterEach(() => dataSource.destroy());

  async function readClaimed(): Promise<ClaimedRun[]> {
    const q = engine === 'postgres' ? new PostgresLiterals() : new ScriptLiterals();
    const ids = claimedIds.length ? q.list(claimedIds) : 'NULL';
    if (form === 'joined') {
      return claimedRunsFromRows((await dataSource.query(claimedRunsSql(ids))) as ClaimedRow[]);
    }
    const deliveryIds = `SELECT "delivery_id" FROM "runs" WHERE "id" IN (${ids})`;
    const [runsSql, deliveriesSql] = claimedRunsAndDeliveriesSql(ids, deliveryIds);
    const runs = (await dataSource.query(runsSql)) as RunRow[];
    const deliveries = (await dataSource.query(deliveriesSql)) as ClaimedDeliveryRow[];
    return claimedRunsFromSeparateRows(runs, deliveries);
  }

  function delivery(id: string, overrides: Partial<DeliveryRecord> = {}): DeliveryRecord {
    return {
      id,
      provider: 'github',
      endpoint: 'acme',
      type: 'push',
      providerDeliveryId: `gh-${id}`,
      occurredAt: new Date('2026-11-29T08:01:02.345Z'),
      receivedAt: new Date('2026-11-29T08:01:03.456Z'),
      contentType: 'application/json',
      headers: { 'x-github-event': 'push', 'x-quote': `it's "quoted"` },
      rawBody: Buffer.from('{"ref":"refs/heads/main","é":"\\u0000"}'),
      status: 'processing',
      attempts: 1,
      planned: true,
      ...overrides,
    };
  }

  async function claim(runs: RunRecord[]): Promise<void> {
    await dataSource.getRepository(Run).insert(runs);
    claimedIds.push(...runs.map((run) => run.id));
  }

  it('gives each run with its delivery exactly as TypeORM hydrates them, oldest due first', async () => {
    const bare = delivery('d2', {
      providerDeliveryId: null,
      occurredAt: null,
      contentType: null,
      rawBody: null,
      headers: {},
      planned: false,
      status: 'pending',
      attempts: 0,
    });
    await insertDeliveryRecords(dataSource, entities, [delivery('d1'), bare]);
    const later = newRun('d1', 'second', new Date('2026-11-29T08:05:00.000Z'));
    const earlier = newRun('d1', 'first', new Date('2026-11-29T08:04:00.000Z'));
    const other = newRun('d2', 'first', new Date('2026-11-29T08:04:30.000Z'));
    later.leaseOwner = 'host:1:abcd';
    later.leaseExpiresAt = new Date('2026-11-29T08:06:00.000Z');
    later.lastError = "Error: it's broken";
    later.finishedAt = new Date('2026-11-29T08:05:30.000Z');
    await claim([later, earlier, other]);
    // An unclaimed run of the same delivery is not read.
    await dataSource.getRepository(Run).insert(newRun('d1', 'unclaimed', new Date(0)));

    const claimed = await readClaimed();

    expect(claimed.map((c) => c.run.id)).toEqual([earlier.id, other.id, later.id]);
    for (const { run, delivery: record } of claimed) {
      expect(run).toEqual(await dataSource.getRepository(Run).findOneByOrFail({ id: run.id }));
      expect(record).toEqual(await readDeliveryRecord(dataSource, entities, run.deliveryId));
    }
    expect(claimed[2].run).toEqual(later);
    expect(claimed[1].delivery).toEqual(bare);
    // Runs of one delivery share its record (its body is held once).
    expect(claimed[0].delivery).toBe(claimed[2].delivery);
  });

  it('reads nothing when nothing was claimed', async () => {
    await insertDeliveryRecords(dataSource, entities, [delivery('d1')]);
    await dataSource.getRepository(Run).insert(newRun('d1', 'first', new Date()));
    expect(await readClaimed()).toEqual([]);
  });
});
