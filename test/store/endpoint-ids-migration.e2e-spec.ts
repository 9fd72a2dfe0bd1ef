import type { DataSource } from 'typeorm';
import { engineOfUrl } from '../../src/store/engine';
import { MIGRATIONS } from '../../src/store/migrations';
import { EndpointIdsPerProvider1796700000000 } from '../../src/store/migrations/1796700000000-endpoint-ids-per-provider';
import { runPendingMigrations } from '../../src/store/migrations-runner';
import { testDatabaseUrl } from '../helpers/test-app';
import { migratedTestDataSource } from '../helpers/test-data-source';

/**
 * EndpointIdsPerProvider on a store that holds deliveries, a handshake secret and a replay
 * token: what was keyed by the endpoint id alone is keyed by provider and id, the rows kept.
 */
describe('migrating to endpoint ids per provider', () => {
  const engine = engineOfUrl(testDatabaseUrl());
  const p = (index: number) => (engine === 'postgres' ? `$${index}` : '?');
  const values = (count: number) => Array.from({ length: count }, (_, i) => p(i + 1)).join(', ');
  let dataSource: DataSource;

  beforeEach(async () => {
    const before = MIGRATIONS.indexOf(EndpointIdsPerProvider1796700000000);
    dataSource = await migratedTestDataSource(MIGRATIONS.slice(0, before));
    await insertDelivery('00000000-0000-7000-8000-000000000001', 'github', 'main', 'evt_1');
    await dataSource.query(
      `INSERT INTO "handshake_secrets" ("endpoint", "secret", "received_at") VALUES (${values(3)})`,
      ['tasks', 'kept-secret', '2026-12-01T00:00:00.000Z'],
    );
    await dataSource.query(
      `INSERT INTO "replay_tokens" ("endpoint", "token", "body_sha256", "expires_at") ` +
        `VALUES (${values(4)})`,
      ['mail', 'token-1', 'ab'.repeat(32), '2099-01-01T00:00:00.000Z'],
    );
  });
  afterEach(() => dataSource.destroy());

  function insertDelivery(id: string, provider: string, endpoint: string, deliveryId: string) {
    return dataSource.query(
      `INSERT INTO "deliveries" ("id", "provider", "endpoint", "type", "provider_delivery_id", ` +
        `"headers") VALUES (${values(6)})`,
      [id, provider, endpoint, 'push', deliveryId, '{}'],
    );
  }

  async function migrateUp(): Promise<void> {
    dataSource.migrations.push(new EndpointIdsPerProvider1796700000000());
    expect((await runPendingMigrations(dataSource)).map((m) => m.name)).toEqual([
      'EndpointIdsPerProvider1796700000000',
    ]);
  }

  async function indexNames(table: string): Promise<string[]> {
    const runner = dataSource.createQueryRunner();
    try {
      return (await runner.getTable(table))!.indices.map((index) => index.name!).sort();
    } finally {
      await runner.release();
    }
  }

  it('de-duplicates per provider and endpoint, no longer per endpoint id alone', async () => {
    await expect(
      insertDelivery('00000000-0000-7000-8000-000000000002', 'stripe', 'main', 'evt_1'),
    ).rejects.toThrow();
    await migrateUp();
    await insertDelivery('00000000-0000-7000-8000-000000000003', 'stripe', 'main', 'evt_1');
    await expect(
      insertDelivery('00000000-0000-7000-8000-000000000004', 'github', 'main', 'evt_1'),
    ).rejects.toThrow();
    expect(await indexNames('deliveries')).toContain('uq_deliveries_provider_endpoint_delivery_id');
    expect(await indexNames('deliveries')).not.toContain('uq_deliveries_endpoint_delivery_id');
  });

  it('keeps handshake secrets and replay tokens, with their provider', async () => {
    await migrateUp();
    expect(
      await dataSource.query(`SELECT "provider", "endpoint", "secret" FROM "handshake_secrets"`),
    ).toEqual([{ provider: 'asana', endpoint: 'tasks', secret: 'kept-secret' }]);
    expect(
      await dataSource.query(`SELECT "provider", "endpoint", "token" FROM "replay_tokens"`),
    ).toEqual([{ provider: 'mailgun', endpoint: 'mail', token: 'token-1' }]);
    expect(await indexNames('replay_tokens')).toEqual(['ix_replay_tokens_expires_at']);
    // Another provider may keep a secret for an endpoint of the same id.
    await dataSource.query(
      `INSERT INTO "handshake_secrets" ("provider", "endpoint", "secret", "received_at") ` +
        `VALUES (${values(4)})`,
      ['other', 'tasks', 'other-secret', '2026-12-01T00:00:00.000Z'],
    );
  });

  it('goes back down with the old keys and the rows of those providers', async () => {
    await migrateUp();
    await insertDelivery('00000000-0000-7000-8000-000000000005', 'stripe', 'other', 'evt_9');
    await dataSource.undoLastMigration({ transaction: 'all' });
    expect(await dataSource.query(`SELECT "endpoint", "secret" FROM "handshake_secrets"`)).toEqual([
      { endpoint: 'tasks', secret: 'kept-secret' },
    ]);
    expect(await dataSource.query(`SELECT "endpoint", "token" FROM "replay_tokens"`)).toEqual([
      { endpoint: 'mail', token: 'token-1' },
    ]);
    expect(await indexNames('deliveries')).toContain('uq_deliveries_endpoint_delivery_id');
    expect(await indexNames('replay_tokens')).toEqual(['ix_replay_tokens_expires_at']);
  });
});
