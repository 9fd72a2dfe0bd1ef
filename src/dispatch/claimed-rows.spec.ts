import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../config/config.schema';
import { dataSourceOptions } from '../store/data-source';
import type { DeliveryRecord, RunRecord } from '../store/entities';
import { storeEntities } from '../store/entities';
import { newRun } from './run-statements';
import { ClaimedRow, claimedRunsFromRows, claimedRunsSql } from './claimed-rows';

/**
 * The worker's joined read on SQLite hydrates rows by hand; TypeORM's entity hydration of the
 * same rows is the reference it must match, field for field.
 */
describe('claimed runs read as raw rows (SQLite)', () => {
  let dataSource: DataSource;
  const { Delivery, Run } = storeEntities('sqlite');

  beforeEach(async () => {
    dataSource = new DataSource(
      dataSourceOptions(Object.assign(new DatabaseConfig(), { url: 'sqlite::memory:' })),
    );
    await dataSource.initialize();
    await dataSource.query('CREATE TEMP TABLE "claimed" ("id" TEXT PRIMARY KEY)');
  });

  afterEach(() => dataSource.destroy());

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
    for (const run of runs) await dataSource.query('INSERT INTO "claimed" VALUES (?)', [run.id]);
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
    await dataSource.getRepository(Delivery).insert([delivery('d1'), bare]);
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

    const rows: ClaimedRow[] = await dataSource.query(claimedRunsSql('"claimed"'));
    const claimed = claimedRunsFromRows(rows);

    expect(claimed.map((c) => c.run.id)).toEqual([earlier.id, other.id, later.id]);
    for (const { run, delivery: record } of claimed) {
      expect(run).toEqual(await dataSource.getRepository(Run).findOneByOrFail({ id: run.id }));
      expect(record).toEqual(
        await dataSource.getRepository(Delivery).findOneByOrFail({ id: run.deliveryId }),
      );
    }
    expect(claimed[2].run).toEqual(later);
    expect(claimed[1].delivery).toEqual(bare);
    // Runs of one delivery share its record (its body is held once).
    expect(claimed[0].delivery).toBe(claimed[2].delivery);
  });

  it('reads nothing when nothing was claimed', async () => {
    await dataSource.getRepository(Delivery).insert(delivery('d1'));
    await dataSource.getRepository(Run).insert(newRun('d1', 'first', new Date()));
    const rows: ClaimedRow[] = await dataSource.query(claimedRunsSql('"claimed"'));
    expect(claimedRunsFromRows(rows)).toEqual([]);
  });
});
