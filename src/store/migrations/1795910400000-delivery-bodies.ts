import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { engineTypes } from '../engine';

/**
 * The columns of `deliveries` after this migration, but the id, in the inbox's order; written out
 * here, as a migration must not change when the code around it does.
 */
export const ROW_COLUMNS = [
  'provider',
  'endpoint',
  'type',
  'provider_delivery_id',
  'occurred_at',
  'received_at',
  'content_type',
  'headers',
  'status',
  'attempts',
  'planned',
].map((column) => `"${column}"`);

/**
 * Raw bodies move from `deliveries` to `delivery_bodies`. The worker updates a delivery's status
 * and attempts twice per run; SQLite rewrites a record whose size changes whole, so each update
 * wrote the body's overflow pages again (docs/adr/0020-raw-bodies-in-their-own-table.md).
 * PostgreSQL keeps large values out of line anyway; both engines get the same tables so that
 * one set of entities and queries serves both.
 *
 * SQLite only: the view `delivery_inbox` is what the inbox inserts into, so that a batch still
 * lands in both tables in one autocommit statement. Its trigger skips a row whose delivery
 * conflicts with one stored (RAISE(IGNORE) also keeps it out of RETURNING, as ON CONFLICT DO
 * NOTHING did). PostgreSQL's inbox uses data-modifying CTEs instead.
 *
 * On SQLite the view and its trigger name the columns of `deliveries`: a later migration that
 * changes that table must drop both first and create them again with its columns (TypeORM's
 * column operations copy the table into a new one, which fails while the view refers to it).
 *
 * Old processes cannot write or read the new schema: stop them all before this runs.
 */
export class DeliveryBodies1795910400000 implements MigrationInterface {
  name = 'DeliveryBodies1795910400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    if (engine === 'postgres') await noStatementTimeout(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'delivery_bodies',
        columns: [
          { name: 'delivery_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'raw_body', type: engineTypes(engine).binary },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_delivery_bodies_delivery',
            columnNames: ['delivery_id'],
            referencedTableName: 'deliveries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await queryRunner.query(
      `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") ` +
        `SELECT "id", "raw_body" FROM "deliveries" WHERE "raw_body" IS NOT NULL`,
    );
    // Not queryRunner.dropColumn: on SQLite TypeORM would copy the table into a new one.
    await queryRunner.query(`ALTER TABLE "deliveries" DROP COLUMN "raw_body"`);
    if (engine === 'sqlite') await createSqliteInbox(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const engine = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    if (engine === 'postgres') await noStatementTimeout(queryRunner);
    if (engine === 'sqlite') {
      await queryRunner.query(`DROP TRIGGER "delivery_inbox_insert"`);
      await queryRunner.query(`DROP VIEW "delivery_inbox"`);
    }
    await queryRunner.query(
      `ALTER TABLE "deliveries" ADD COLUMN "raw_body" ${engineTypes(engine).binary}`,
    );
    await queryRunner.query(
      `UPDATE "deliveries" SET "raw_body" = b."raw_body" FROM "delivery_bodies" b ` +
        `WHERE b."delivery_id" = "deliveries"."id"`,
    );
    await queryRunner.dropTable('delivery_bodies');
  }
}

/**
 * Copying every stored body takes longer than the few seconds a `statement_timeout` on the
 * Hookgate role may allow (docs/scale-out.md, "Timeouts"); LOCAL: for this migration's
 * transaction only.
 */
async function noStatementTimeout(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('SET LOCAL statement_timeout = 0');
}

export async function createSqliteInbox(queryRunner: QueryRunner): Promise<void> {
  const rowColumns = ROW_COLUMNS.map((column) => `d.${column}`);
  await queryRunner.query(
    `CREATE VIEW "delivery_inbox" AS SELECT d."id", ${rowColumns.join(', ')}, b."raw_body" ` +
      `FROM "deliveries" d LEFT JOIN "delivery_bodies" b ON b."delivery_id" = d."id"`,
  );
  const newColumns = ROW_COLUMNS.map((column) => `NEW.${column}`);
  await queryRunner.query(
    `CREATE TRIGGER "delivery_inbox_insert" INSTEAD OF INSERT ON "delivery_inbox" BEGIN ` +
      `INSERT INTO "deliveries" ("id", ${ROW_COLUMNS.join(', ')}) ` +
      `VALUES (NEW."id", ${newColumns.join(', ')}) ON CONFLICT DO NOTHING; ` +
      `SELECT RAISE(IGNORE) WHERE changes() = 0; ` +
      `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") ` +
      `SELECT NEW."id", NEW."raw_body" WHERE NEW."raw_body" IS NOT NULL; ` +
      `END`,
  );
}
