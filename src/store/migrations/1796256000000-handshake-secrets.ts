import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/**
 * `handshake_secrets`: signing secrets that a provider hands over in a handshake instead of
 * the user configuring them (Asana's `X-Hook-Secret`), one per endpoint, so that every process
 * and every restart verifies with it. `received_at` is ISO-8601 text: it is only shown.
 */
export class HandshakeSecrets1796256000000 implements MigrationInterface {
  name = 'HandshakeSecrets1796256000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'handshake_secrets',
        columns: [
          { name: 'endpoint', type: 'varchar', length: '128', isPrimary: true },
          { name: 'secret', type: 'text' },
          { name: 'received_at', type: 'varchar', length: '32' },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('handshake_secrets');
  }
}
