import { DataSource } from 'typeorm';
import { engineOfUrl } from '../src/store/engine';
import { type DeliveryRecord, storeEntities } from '../src/store/entities';
import { newId } from '../src/store/ids';
import { insertDeliveriesPostgres } from '../src/store/postgres-inbox-insert';
import { sqliteDatabase } from '../src/store/sqlite-driver';
import { insertDeliveriesSqlite } from '../src/store/sqlite-inbox-insert';
import { readDeliveryRecord } from './helpers/stored-deliveries';
import { testDatabaseUrl } from './helpers/test-app';
import { migratedTestDataSource } from './helpers/test-data-source';

/**
 * The inbox's one statement per batch writes a delivery's row to `deliveries` and its body to
 * `delivery_bodies` (SQLite: through the view's trigger; PostgreSQL: through CTEs). A row that
 * conflicts, with a stored delivery or an earlier row of its batch, leaves nothing in either
 * table and is not returned. Runs on the engine of the pass.
 */
describe('the inbox statement', () => {
  const engine = engineOfUrl(testDatabaseUrl());
  const entities = storeEntities(engine);
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = await migratedTestDataSource();
  });

  afterEach(() => dataSource.destroy());

  function insert(rows: DeliveryRecord[]): Promise<Set<string>> {
    return engine === 'postgres'
      ? insertDeliveriesPostgres(dataSource, rows)
      : insertDeliveriesSqlite(sqliteDatabase(dataSource), rows);
  }

  function delivery(key: string | null, rawBody: Buffer | null): DeliveryRecord {
    return {
      id: newId(),
      provider: 'github',
      endpoint: 'acme',
      type: 'push',
      providerDeliveryId: key,
      occurredAt: new Date('2026-11-29T08:01:02.345Z'),
      receivedAt: new Date('2026-11-29T08:01:03.456Z'),
      contentType: 'application/json',
      headers: { 'x-github-event': 'push' },
      rawBody,
      status: 'pending',
      attempts: 0,
      planned: false,
    };
  }

  it('stores rows and bodies, skipping conflicting rows whole, and returns the stored ids', async () => {
    const stored = delivery('k-stored', Buffer.from('{"first":true}'));
    expect(await insert([stored])).toEqual(new Set([stored.id]));

    // Bytes that are not UTF-8 must come back as they were sent.
    const a = delivery('k-a', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x7d]));
    const copyOfStored = delivery('k-stored', Buffer.from('{"copy":true}'));
    const unkeyed = delivery(null, Buffer.from('{"b":1}'));
    const copyOfA = delivery('k-a', Buffer.from('{"copy of a":true}'));
    const bodiless = delivery('k-c', null);
    const empty = delivery('k-e', Buffer.alloc(0));
    // The same id as a stored delivery (never happens with fresh ids; must not be half-stored).
    const sameId = { ...delivery('k-same-id', Buffer.from('{"same id":true}')), id: stored.id };
    const batch = [a, copyOfStored, unkeyed, copyOfA, bodiless, sameId, empty];

    expect(await insert(batch)).toEqual(new Set([a.id, unkeyed.id, bodiless.id, empty.id]));

    for (const record of [stored, a, unkeyed, bodiless, empty]) {
      expect(await readDeliveryRecord(dataSource, entities, record.id)).toEqual(record);
    }
    const rows = await dataSource.getRepository(entities.Delivery).find({ select: { id: true } });
    expect(rows.map((row) => row.id).sort()).toEqual(
      [stored.id, a.id, unkeyed.id, bodiless.id, empty.id].sort(),
    );
    const bodies = await dataSource.getRepository(entities.DeliveryBody).find();
    expect(bodies.map((body) => body.deliveryId).sort()).toEqual(
      [stored.id, a.id, unkeyed.id, empty.id].sort(),
    );
  });

  it('a body is deleted with its delivery', async () => {
    const record = delivery('k-gone', Buffer.from('{}'));
    await insert([record]);
    await dataSource.getRepository(entities.Delivery).delete({ id: record.id });
    expect(await dataSource.getRepository(entities.DeliveryBody).count()).toBe(0);
  });
});
