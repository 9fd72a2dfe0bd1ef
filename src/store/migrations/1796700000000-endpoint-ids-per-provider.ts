import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An endpoint is its URL, `/webhooks/{provider}/{id}`: its id is unique per provider, so
 * `github/main` and `stripe/main` may both exist. What was keyed by the endpoint id alone is
 * keyed by the provider too:
 * - the de-duplication key of `deliveries`, so that one provider's delivery ids never make
 *   another's deliveries duplicates;
 * - `handshake_secrets` and `replay_tokens`, rebuilt with a `provider` column in their primary
 *   key. Their rows were kept by the one provider of each kind when this migration was written:
 *   Asana hands over handshake secrets, Mailgun signs replay tokens.
 *
 * Down restores the old keys; it fails when two providers' endpoints share an id and a provider
 * delivery id, and keeps only those providers' handshake secrets and replay tokens.
 */
export class EndpointIdsPerProvider1796700000000 implements MigrationInterface {
  name = 'EndpointIdsPerProvider1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The new key first: it is weaker than the old one, so every stored row satisfies it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliveries_provider_endpoint_delivery_id" ` +
        `ON "deliveries" ("provider", "endpoint", "provider_delivery_id")`,
    );
    await queryRunner.query(`DROP INDEX "uq_deliveries_endpoint_delivery_id"`);
    await rebuild(queryRunner, HANDSHAKE_SECRETS, 'asana', true);
    await rebuild(queryRunner, REPLAY_TOKENS, 'mailgun', true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_deliveries_endpoint_delivery_id" ` +
        `ON "deliveries" ("endpoint", "provider_delivery_id")`,
    );
    await queryRunner.query(`DROP INDEX "uq_deliveries_provider_endpoint_delivery_id"`);
    await rebuild(queryRunner, HANDSHAKE_SECRETS, 'asana', false);
    await rebuild(queryRunner, REPLAY_TOKENS, 'mailgun', false);
  }
}

/** A table keyed by endpoint (and more), with or without the provider in front. */
interface KeyedTable {
  name: string;
  /** Column definitions after `provider` and `endpoint`. */
  columns: string[];
  /** Primary key columns after `provider` and `endpoint`. */
  key: string[];
  /** Indexes to create again, as `name (columns)`. */
  indexes: string[];
}

const HANDSHAKE_SECRETS: KeyedTable = {
  name: 'handshake_secrets',
  columns: [`"secret" text NOT NULL`, `"received_at" varchar(32) NOT NULL`],
  key: [],
  indexes: [],
};

const REPLAY_TOKENS: KeyedTable = {
  name: 'replay_tokens',
  columns: [
    `"token" varchar(256) NOT NULL`,
    `"body_sha256" varchar(64) NOT NULL`,
    `"expires_at" varchar(32) NOT NULL`,
  ],
  key: [`"token"`],
  indexes: [`"ix_replay_tokens_expires_at" ("expires_at")`],
};

/**
 * Copy the table into a new one keyed with (`withProvider`) or without the provider, then put
 * the new one in its place. Up, the rows get `provider`; down, only that provider's are kept.
 */
async function rebuild(
  queryRunner: QueryRunner,
  table: KeyedTable,
  provider: string,
  withProvider: boolean,
): Promise<void> {
  const next = `${table.name}_next`;
  const lead = withProvider ? [`"provider"`, `"endpoint"`] : [`"endpoint"`];
  const definitions = [
    ...(withProvider ? [`"provider" varchar(64) NOT NULL`] : []),
    `"endpoint" varchar(128) NOT NULL`,
    ...table.columns,
    `CONSTRAINT "pk_${table.name}_${withProvider ? 'provider' : 'endpoint'}" ` +
      `PRIMARY KEY (${[...lead, ...table.key].join(', ')})`,
  ];
  await queryRunner.query(`CREATE TABLE "${next}" (${definitions.join(', ')})`);
  const rest = table.columns.map((column) => column.split(' ')[0]);
  const target = [...lead, ...rest].join(', ');
  await queryRunner.query(
    withProvider
      ? `INSERT INTO "${next}" (${target}) SELECT '${provider}', "endpoint", ${rest.join(', ')} FROM "${table.name}"`
      : `INSERT INTO "${next}" (${target}) SELECT ${target} FROM "${table.name}" WHERE "provider" = '${provider}'`,
  );
  await queryRunner.query(`DROP TABLE "${table.name}"`);
  await queryRunner.query(`ALTER TABLE "${next}" RENAME TO "${table.name}"`);
  for (const index of table.indexes) {
    await queryRunner.query(`CREATE INDEX ${index.replace(' (', ` ON "${table.name}" (`)}`);
  }
}
