import { MigrationInterface, QueryRunner } from 'typeorm';
import { ROW_COLUMNS, createSqliteInbox } from './1795910400000-delivery-bodies';

/** The columns of a run the inbox plans, as written here when this migration was made. */
const RUN_COLUMNS = [
  'id',
  'delivery_id',
  'handler',
  'status',
  'attempts',
  'next_attempt_at',
  'lease_owner',
  'lease_expires_at',
  'created_at',
  'updated_at',
]
  .map((column) => `"${column}"`)
  .join(', ');

/**
 * SQLite only: the inbox's view `delivery_inbox` gains a column `runs`, the runs planned on
 * arrival as JSON (`[[run id, handler, lease owner, lease expiry], …]`, or NULL when a worker
 * plans the delivery), and its trigger inserts them with the delivery: leased (attempt 1,
 * `processing`) when an owner is given, otherwise pending. A process that runs the worker then
 * stores each delivery with its runs in the inbox's one statement, instead of its worker reading
 * new deliveries back to plan them and claiming their runs, each in a transaction of its own
 * (see inbox/arrival-plan.ts). PostgreSQL's inbox statement does the same with a CTE; its
 * schema does not change.
 *
 * Like DeliveryBodies', this view names the columns of `deliveries`: a later migration that
 * changes that table must drop the view and its trigger first and create them again.
 */
export class PlanOnArrival1795996800000 implements MigrationInterface {
  name = 'PlanOnArrival1795996800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await dropSqliteInbox(queryRunner);
    const rowColumns = ROW_COLUMNS.map((column) => `d.${column}`);
    await queryRunner.query(
      `CREATE VIEW "delivery_inbox" AS SELECT d."id", ${rowColumns.join(', ')}, ` +
        `b."raw_body", NULL AS "runs" ` +
        `FROM "deliveries" d LEFT JOIN "delivery_bodies" b ON b."delivery_id" = d."id"`,
    );
    const newColumns = ROW_COLUMNS.map((column) => `NEW.${column}`);
    const at = 'NEW."received_at"';
    await queryRunner.query(
      `CREATE TRIGGER "delivery_inbox_insert" INSTEAD OF INSERT ON "delivery_inbox" BEGIN ` +
        `INSERT INTO "deliveries" ("id", ${ROW_COLUMNS.join(', ')}) ` +
        `VALUES (NEW."id", ${newColumns.join(', ')}) ON CONFLICT DO NOTHING; ` +
        // A delivery already stored: nothing more for this row, and no id in RETURNING.
        `SELECT RAISE(IGNORE) WHERE changes() = 0; ` +
        `INSERT INTO "delivery_bodies" ("delivery_id", "raw_body") ` +
        `SELECT NEW."id", NEW."raw_body" WHERE NEW."raw_body" IS NOT NULL; ` +
        `INSERT INTO "runs" (${RUN_COLUMNS}) ` +
        `SELECT p."value" ->> 0, NEW."id", p."value" ->> 1, ` +
        `CASE WHEN p."value" ->> 2 IS NULL THEN 'pending' ELSE 'processing' END, ` +
        `CASE WHEN p."value" ->> 2 IS NULL THEN 0 ELSE 1 END, ` +
        `${at}, p."value" ->> 2, p."value" ->> 3, ${at}, ${at} FROM json_each(NEW."runs") p; ` +
        `END`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type === 'postgres') return;
    await dropSqliteInbox(queryRunner);
    await createSqliteInbox(queryRunner);
  }
}

async function dropSqliteInbox(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`DROP TRIGGER "delivery_inbox_insert"`);
  await queryRunner.query(`DROP VIEW "delivery_inbox"`);
}
