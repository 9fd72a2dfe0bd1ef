import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import type { DeliveryRecord } from '../../src/store/model';
import { newId } from '../../src/store/ids';
import { inboxParameters } from '../../src/store/sql/inbox-insert-sql';
import {
  POSTGRES_INBOX_ENCODING,
  postgresInboxInsertSql,
} from '../../src/store/postgres/postgres-inbox-sql';
import {
  InboxWriter,
  type NewDelivery,
  type StoredDelivery,
} from '../../src/store/inbox/inbox.writer';
import { isPostgresUrl } from '../helpers/pg-database';
import {
  createTestApp,
  testConfig,
  testDatabaseUrl,
  waitFor,
  type TestApp,
} from '../helpers/test-app';

/**
 * The inbox commits two batches at once on PostgreSQL (GroupCommit). A row whose
 * de-duplication key another statement has just inserted waits for that statement, so two
 * batches holding copies of the same deliveries in opposite orders could wait for each other.
 * (With the retry on deadlock alone this passes too, a second late: the key order avoids it.)
 */
const onPostgres = isPostgresUrl(testDatabaseUrl()) ? describe : describe.skip;

onPostgres('inbox batches committing at once (PostgreSQL)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await createTestApp(testConfig());
    dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
  });
  afterAll(() => t.close());

  const copy = (key: string): NewDelivery => ({
    provider: 'github',
    endpoint: 'acme',
    type: 'ping',
    providerDeliveryId: key,
    receivedAt: new Date(),
    headers: { 'x-github-event': 'ping' },
    rawBody: Buffer.from(`{"key":"${key}"}`),
  });

  /** Backends of this database waiting for a row lock (another transaction's uncommitted key). */
  async function lockWaiters(): Promise<number> {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return row.n;
  }

  it('copies of the same deliveries in opposite orders: every copy answered, one owner per key', async () => {
    const inbox = t.app.get(InboxWriter);
    // Another transaction holds key "b-hold" uncommitted, so a batch meeting it stops there.
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      const held: DeliveryRecord = {
        ...copy('b-hold'),
        id: newId(),
        providerDeliveryId: 'b-hold',
        occurredAt: null,
        contentType: null,
        status: 'pending',
        attempts: 0,
        planned: false,
      };
      await holder.query(
        postgresInboxInsertSql(1),
        inboxParameters([{ ...held, runs: null, lease: null }], POSTGRES_INBOX_ENCODING),
      );
      // Batch 1 arrives as [c-one, b-hold, a-two]; batch 2, committing beside it, as [a-two, c-one].
      const first = ['c-one', 'b-hold', 'a-two'].map((key) => inbox.store(copy(key)));
      await waitFor(async () => (await lockWaiters()) >= 1, 5000, 'batch 1 waiting for b-hold');
      const second = ['a-two', 'c-one'].map((key) => inbox.store(copy(key)));
      const settled = Promise.allSettled([...first, ...second]);
      // In arrival order batch 1 would hold c-one and batch 2 a-two, each waiting for the other
      // once b-hold is released: a deadlock, one batch refused. In key order neither holds what
      // the other needs first.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.rollbackTransaction();
      const results = await settled;
      expect(results.map((r) => r.status)).toEqual(Array(5).fill('fulfilled'));
      const stored = results.map((r) => (r as PromiseFulfilledResult<StoredDelivery>).value);
      const ownerOf = (key: string, at: number[]) => new Set(at.map((i) => stored[i].id));
      expect(ownerOf('c-one', [0, 4]).size).toBe(1);
      expect(ownerOf('a-two', [2, 3]).size).toBe(1);
      expect(stored.filter((s) => !s.duplicate)).toHaveLength(3);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
  });
});
