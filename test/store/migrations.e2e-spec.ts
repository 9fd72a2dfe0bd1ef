import { DataSource } from 'typeorm';
import { engineOfUrl } from '../../src/store/engine';
import { storeEntities } from '../../src/store/entities';
import { DELIVERY_COLUMNS, INBOX_COLUMNS } from '../../src/store/sql/columns';
import { MIGRATIONS } from '../../src/store/migrations';
import { runPendingMigrations } from '../../src/store/migrations-runner';
import { InitialSchema1764201600000 } from '../../src/store/migrations/1764201600000-initial-schema';
import { BodyCompressionLz41796083200000 } from '../../src/store/migrations/1796083200000-body-compression-lz4';
import {
  INBOX_TRIGGER,
  INBOX_TRIGGER_SQL,
  INBOX_VIEW,
  INBOX_VIEW_SQL,
} from '../../src/store/sqlite/sqlite-inbox-view';
import { readDeliveryRecord } from '../helpers/stored-deliveries';
import { testDatabaseUrl } from '../helpers/test-app';
import { migratedTestDataSource } from '../helpers/test-data-source';

/**
 * A store created by an earlier release is migrated at start-up with its deliveries in it.
 * Here: the DeliveryBodies migration moves raw bodies out of `deliveries` and back on the way
 * down; PlanOnArrival gives SQLite's inbox view its `runs` column; BodyCompressionLz4 has
 * PostgreSQL compress bodies with lz4. Runs on the engine of the pass.
 */
describe('migrating a store that holds deliveries', () => {
  const engine = engineOfUrl(testDatabaseUrl());
  const entities = storeEntities(engine);
  let dataSource: DataSource;

  beforeEach(async () => {
    // The store as the first release left it: the initial schema only.
    dataSource = await migratedTestDataSource([InitialSchema1764201600000]);
  });

  afterEach(() => dataSource.destroy());

  const bodyBytes = Buffer.from([0x7b, 0x00, 0xff, 0x7d]);
  const RUN_ID = '00000000-0000-7000-8000-0000000000aa';
  const p = (index: number) => (engine === 'postgres' ? `$${index}` : '?');

  /** Two deliveries at the initial schema, one with a body and one whose body was dropped. */
  async function storeAtInitialSchema(): Promise<void> {
    const columns = `"id", "provider", "endpoint", "type", "headers", "raw_body"`;
    for (const [id, body] of [
      ['00000000-0000-7000-8000-000000000001', bodyBytes],
      ['00000000-0000-7000-8000-000000000002', null],
    ] as const) {
      await dataSource.query(
        `INSERT INTO "deliveries" (${columns}) VALUES (${[1, 2, 3, 4, 5, 6].map(p).join(', ')})`,
        [id, 'github', 'acme', 'push', '{"x-github-event":"push"}', body],
      );
    }
    await dataSource.query(
      `INSERT INTO "runs" ("id", "delivery_id", "handler", "next_attempt_at") ` +
        `VALUES (${[1, 2, 3, 4].map(p).join(', ')})`,
      [RUN_ID, '00000000-0000-7000-8000-000000000001', 'h', '2026-11-29 08:00:00.000'],
    );
  }

  /** The next release starting on this store: its migration runs as at start-up. */
  async function migrateUp(): Promise<void> {
    dataSource.migrations.push(new MIGRATIONS[1]());
    expect((await runPendingMigrations(dataSource)).map((m) => m.name)).toEqual([
      'DeliveryBodies1795910400000',
    ]);
  }

  /** SQLite's inbox view and its trigger, by name. */
  async function sqliteInboxObjects(): Promise<string[]> {
    const rows: { name: string }[] = await dataSource.query(
      `SELECT "name" FROM sqlite_master WHERE "name" LIKE 'delivery_inbox%' ORDER BY "name"`,
    );
    return rows.map((row) => row.name);
  }

  it('moves raw bodies to delivery_bodies, and back on the way down', async () => {
    await storeAtInitialSchema();

    await migrateUp();
    const withBody = await readDeliveryRecord(
      dataSource,
      entities,
      '00000000-0000-7000-8000-000000000001',
    );
    expect(withBody.rawBody).toEqual(bodyBytes);
    expect(withBody.headers).toEqual({ 'x-github-event': 'push' });
    const without = await readDeliveryRecord(
      dataSource,
      entities,
      '00000000-0000-7000-8000-000000000002',
    );
    expect(without.rawBody).toBeNull();
    expect(await dataSource.getRepository(entities.DeliveryBody).count()).toBe(1);
    // Qualified: SQLite reads an unknown bare "name" as a string literal.
    await expect(dataSource.query(`SELECT d."raw_body" FROM "deliveries" d`)).rejects.toThrow(
      /raw_body/,
    );
    // Dropping a column of the parent table kept the runs that refer to it.
    expect(await dataSource.getRepository(entities.Run).findOneByOrFail({ id: RUN_ID })).toEqual(
      expect.objectContaining({ deliveryId: '00000000-0000-7000-8000-000000000001' }),
    );
    if (engine === 'sqlite') {
      expect(await sqliteInboxObjects()).toEqual(['delivery_inbox', 'delivery_inbox_insert']);
    }

    await dataSource.undoLastMigration({ transaction: 'all' });
    const rows: { id: string; raw_body: Buffer | null }[] = await dataSource.query(
      `SELECT "id", "raw_body" FROM "deliveries" ORDER BY "id"`,
    );
    expect(rows.map((row) => row.raw_body)).toEqual([bodyBytes, null]);
    expect(await dataSource.query(`SELECT 1 FROM "hookgate_migrations"`)).toHaveLength(1);
    await expect(dataSource.query(`SELECT 1 FROM "delivery_bodies"`)).rejects.toThrow();
    if (engine === 'sqlite') expect(await sqliteInboxObjects()).toEqual([]);
  });

  const onSqlite = engine === 'sqlite' ? it : it.skip;

  async function inboxViewColumns(): Promise<string[]> {
    const columns: { name: string }[] = await dataSource.query(
      `SELECT "name" FROM pragma_table_info('delivery_inbox') ORDER BY "cid"`,
    );
    return columns.map((column) => column.name).sort();
  }

  onSqlite('on SQLite, the inbox view has the columns the inbox writes', async () => {
    const migrated = await migratedTestDataSource();
    try {
      const columns: { name: string }[] = await migrated.query(
        `SELECT "name" FROM pragma_table_info('delivery_inbox') ORDER BY "cid"`,
      );
      expect(columns.map((column) => column.name).sort()).toEqual([...INBOX_COLUMNS].sort());
    } finally {
      await migrated.destroy();
    }
  });

  onSqlite('on SQLite, the migrations install the live inbox view and trigger', async () => {
    const migrated = await migratedTestDataSource();
    try {
      const installed: { name: string; sql: string }[] = await migrated.query(
        `SELECT "name", "sql" FROM sqlite_master WHERE "name" IN (?, ?) ORDER BY "name"`,
        [INBOX_VIEW, INBOX_TRIGGER],
      );
      expect(installed).toEqual([
        { name: INBOX_VIEW, sql: INBOX_VIEW_SQL },
        { name: INBOX_TRIGGER, sql: INBOX_TRIGGER_SQL },
      ]);
    } finally {
      await migrated.destroy();
    }
  });

  onSqlite(
    'on SQLite, PlanOnArrival adds the runs column, and its down the earlier view',
    async () => {
      await migrateUp();
      dataSource.migrations.push(new MIGRATIONS[2]());
      expect((await runPendingMigrations(dataSource)).map((m) => m.name)).toEqual([
        'PlanOnArrival1795996800000',
      ]);
      expect(await inboxViewColumns()).toEqual([...INBOX_COLUMNS].sort());
      expect(await sqliteInboxObjects()).toEqual(['delivery_inbox', 'delivery_inbox_insert']);

      await dataSource.undoLastMigration({ transaction: 'all' });
      expect(await inboxViewColumns()).toEqual([...DELIVERY_COLUMNS].sort());
      expect(await sqliteInboxObjects()).toEqual(['delivery_inbox', 'delivery_inbox_insert']);
    },
  );

  const onPostgres = engine === 'postgres' ? it : it.skip;

  onPostgres(
    'on PostgreSQL, BodyCompressionLz4 compresses new bodies with lz4, its down as the server would',
    async () => {
      // The store up to this migration, so that undoing the last one undoes this one.
      const upTo = MIGRATIONS.indexOf(BodyCompressionLz41796083200000) + 1;
      const migrated = await migratedTestDataSource(MIGRATIONS.slice(0, upTo));
      try {
        const [{ lz4 }] = await migrated.query(
          `SELECT EXISTS (SELECT 1 FROM pg_settings WHERE "name" = 'default_toast_compression' ` +
            `AND 'lz4' = ANY("enumvals")) AS "lz4"`,
        );
        // A server without lz4 (before PostgreSQL 14, or built without it): nothing changes.
        if (!lz4) return;
        // Compressible and over TOAST's threshold (about 2 KiB), so it is compressed as stored.
        const body = Buffer.from(JSON.stringify({ padding: 'x'.repeat(8000) }));
        const storeBody = async (id: string) => {
          await migrated.query(
            `INSERT INTO "deliveries" ("id", "provider", "endpoint", "type", "headers") ` +
              `VALUES ($1, 'github', 'acme', 'push', '{}')`,
            [id],
          );
          await migrated.query(
            `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") VALUES ($1, $2)`,
            [id, body],
          );
          const [row] = await migrated.query(
            `SELECT pg_column_compression("raw_body") AS "method", "raw_body" AS "body" ` +
              `FROM "delivery_bodies" WHERE "delivery_id" = $1`,
            [id],
          );
          return row as { method: string; body: Buffer };
        };
        const up = await storeBody('00000000-0000-7000-8000-0000000000b1');
        expect(up).toEqual({ method: 'lz4', body });

        await migrated.undoLastMigration({ transaction: 'all' });
        const [{ default_toast_compression: serverDefault }] = await migrated.query(
          'SHOW default_toast_compression',
        );
        const down = await storeBody('00000000-0000-7000-8000-0000000000b2');
        expect(down).toEqual({ method: serverDefault, body });
      } finally {
        await migrated.destroy();
      }
    },
  );
});
