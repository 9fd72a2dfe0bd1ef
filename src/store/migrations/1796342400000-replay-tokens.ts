import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * `replay_tokens`: single-use tokens a provider signs without signing the body (Mailgun's
 * `signature.token`), with the SHA-256 of the body each came with, so that every process
 * refuses a captured signature carrying another body. `expires_at` is ISO-8601 UTC text (it
 * sorts like the instant); retention deletes expired rows through its index.
 */
export class ReplayTokens1796342400000 implements MigrationInterface {
  name = 'ReplayTokens1796342400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'replay_tokens',
        columns: [
          { name: 'endpoint', type: 'varchar', length: '128', isPrimary: true },
          { name: 'token', type: 'varchar', length: '256', isPrimary: true },
          { name: 'body_sha256', type: 'varchar', length: '64' },
          { name: 'expires_at', type: 'varchar', length: '32' },
        ],
      }),
    );
    await queryRunner.createIndex(
      'replay_tokens',
      new TableIndex({ name: 'ix_replay_tokens_expires_at', columnNames: ['expires_at'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('replay_tokens');
  }
}
