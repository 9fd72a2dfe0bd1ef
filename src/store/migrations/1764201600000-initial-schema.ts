import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { engineTypes } from '../engine';

/** The inbox (deliveries) and the per-handler runs, for SQLite and PostgreSQL alike. */
export class InitialSchema1764201600000 implements MigrationInterface {
  name = 'InitialSchema1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    const t = engineTypes(engine);
    const now = engine === 'postgres' ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f', 'now'))";

    await queryRunner.createTable(
      new Table({
        name: 'deliveries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'provider', type: 'varchar', length: '64' },
          { name: 'endpoint', type: 'varchar', length: '128' },
          { name: 'type', type: 'varchar', length: '200' },
          { name: 'provider_delivery_id', type: 'varchar', length: '200', isNullable: true },
          { name: 'occurred_at', type: t.timestamp, isNullable: true },
          { name: 'received_at', type: t.timestamp, default: now },
          { name: 'content_type', type: 'varchar', length: '200', isNullable: true },
          { name: 'headers', type: t.json },
          { name: 'raw_body', type: t.binary, isNullable: true },
          { name: 'status', type: 'varchar', length: '16', default: "'pending'" },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'planned', type: 'boolean', default: false },
        ],
      }),
    );
    await createIndicesOneByOne(queryRunner, 'deliveries', [
      // The de-duplication key. NULL ids (providers without one) never collide.
      new TableIndex({
        name: 'uq_deliveries_endpoint_delivery_id',
        columnNames: ['endpoint', 'provider_delivery_id'],
        isUnique: true,
      }),
      new TableIndex({ name: 'ix_deliveries_planned', columnNames: ['planned', 'id'] }),
      new TableIndex({ name: 'ix_deliveries_status', columnNames: ['status', 'id'] }),
      new TableIndex({
        name: 'ix_deliveries_provider_endpoint',
        columnNames: ['provider', 'endpoint', 'id'],
      }),
      new TableIndex({ name: 'ix_deliveries_received_at', columnNames: ['received_at'] }),
    ]);

    await queryRunner.createTable(
      new Table({
        name: 'runs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'delivery_id', type: 'varchar', length: '36' },
          { name: 'handler', type: 'varchar', length: '200' },
          { name: 'status', type: 'varchar', length: '16', default: "'pending'" },
          { name: 'attempts', type: 'integer', default: 0 },
          { name: 'next_attempt_at', type: t.timestamp },
          { name: 'lease_owner', type: 'varchar', length: '64', isNullable: true },
          { name: 'lease_expires_at', type: t.timestamp, isNullable: true },
          { name: 'last_error', type: 'text', isNullable: true },
          { name: 'created_at', type: t.timestamp, default: now },
          { name: 'updated_at', type: t.timestamp, default: now },
          { name: 'finished_at', type: t.timestamp, isNullable: true },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_runs_delivery',
            columnNames: ['delivery_id'],
            referencedTableName: 'deliveries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await createIndicesOneByOne(queryRunner, 'runs', [
      new TableIndex({
        name: 'uq_runs_delivery_handler',
        columnNames: ['delivery_id', 'handler'],
        isUnique: true,
      }),
      new TableIndex({ name: 'ix_runs_due', columnNames: ['status', 'next_attempt_at'] }),
      new TableIndex({ name: 'ix_runs_handler', columnNames: ['handler', 'status'] }),
    ]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('runs');
    await queryRunner.dropTable('deliveries');
  }
}

/**
 * TypeORM's createIndices creates them concurrently, and on SQLite each one re-reads the table's
 * index list while the others are being created: it then finds an index without its definition
 * and fails ("reading 'sql'"), now and then, and the whole start-up retries. The same indices,
 * one after the other.
 */
async function createIndicesOneByOne(
  queryRunner: QueryRunner,
  table: string,
  indices: TableIndex[],
): Promise<void> {
  for (const index of indices) await queryRunner.createIndex(table, index);
}
