import { MigrationInterface, QueryRunner, Table, TableForeignKey } from 'typeorm';
import { engineTypes } from '../engine';

/**
 * `delivery_replies`: the answer a reply handler gave for a delivery (status, headers as JSON
 * text, body bytes), so that the provider's retry of the same delivery gets it again without the
 * handler running twice. A table of its own, as bodies have: `deliveries` rows are rewritten
 * at every run's change. `created_at` is ISO-8601 text: it is only shown.
 */
export class DeliveryReplies1796500000000 implements MigrationInterface {
  name = 'DeliveryReplies1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = queryRunner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
    await queryRunner.createTable(
      new Table({
        name: 'delivery_replies',
        columns: [
          { name: 'delivery_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'status', type: 'integer' },
          { name: 'headers', type: 'text' },
          { name: 'body', type: engineTypes(engine).binary },
          { name: 'created_at', type: 'varchar', length: '32' },
        ],
        foreignKeys: [
          new TableForeignKey({
            name: 'fk_delivery_replies_delivery',
            columnNames: ['delivery_id'],
            referencedTableName: 'deliveries',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('delivery_replies');
  }
}
