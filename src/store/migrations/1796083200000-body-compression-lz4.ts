import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL only: raw bodies are compressed with lz4 instead of pglz, the default. A body over
 * about 2 KiB is compressed as it is stored (TOAST), and pglz's compression was the largest
 * single cost of PostgreSQL's work per delivery, on the cores the gateway shares; lz4
 * compresses JSON almost as well, several times faster (docs/adr/0024-lz4-body-compression.md).
 *
 * Needs PostgreSQL 14 or newer built with lz4 (the PGDG and Debian packages are); elsewhere
 * this does nothing and bodies stay with pglz. Bodies stored before keep their compression
 * until rewritten; both read back the same.
 */
export class BodyCompressionLz41796083200000 implements MigrationInterface {
  name = 'BodyCompressionLz41796083200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (!(await lz4Available(queryRunner))) return;
    await queryRunner.query(
      `ALTER TABLE "delivery_bodies" ALTER COLUMN "raw_body" SET COMPRESSION lz4`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (!(await lz4Available(queryRunner))) return;
    await queryRunner.query(
      `ALTER TABLE "delivery_bodies" ALTER COLUMN "raw_body" SET COMPRESSION DEFAULT`,
    );
  }
}

/** Whether the server can compress with lz4 (the setting exists from PostgreSQL 14). */
async function lz4Available(queryRunner: QueryRunner): Promise<boolean> {
  if (queryRunner.connection.options.type !== 'postgres') return false;
  const rows: unknown[] = await queryRunner.query(
    `SELECT 1 FROM pg_settings WHERE "name" = 'default_toast_compression' ` +
      `AND 'lz4' = ANY("enumvals")`,
  );
  return rows.length > 0;
}
