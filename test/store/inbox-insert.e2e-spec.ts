import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { engineOfUrl } from '../../src/store/engine';
import type { InboxRow } from '../../src/store/inbox/arrival-plan';
import { storeEntities } from '../../src/store/entities';
import { newId } from '../../src/store/ids';
import { INBOX_COLUMNS } from '../../src/store/sql/columns';
import { insertDeliveriesPostgres } from '../../src/store/postgres/postgres-inbox-insert';
import { sqliteDatabase } from '../../src/store/sqlite/sqlite-driver';
import { insertDeliveriesSqlite } from '../../src/store/sqlite/sqlite-inbox-insert';
import { PreparedStatements } from '../../src/store/sqlite/sqlite-prepared-statements';
import { readDeliveryRecord } from '../helpers/stored-deliveries';
import { testDatabaseUrl } from '../helpers/test-app';
import { migratedTestDataSource } from '../helpers/test-data-source';

/**
 * The inbox's one statement per batch writes a delivery's row to `deliveries`, its body to
 * `delivery_bodies` and the runs planned on arrival to `runs` (SQLite: through the view's
 * trigger; PostgreSQL: through CTEs). A row that conflicts, with a stored delivery or an earlier
 * row of its batch, leaves nothing in any table and is not returned. Runs on the engine of the
 * pass (the statement kept prepared: sqlite-prepared-statements.spec.ts).
 */
describe('the inbox statement', () => {
  const engine = engineOfUrl(testDatabaseUrl());
  const entities = storeEntities(engine);
  let dataSource: DataSource;
  let statements: PreparedStatements | undefined;

  beforeEach(async () => {
    dataSource = await migratedTestDataSource();
    if (engine === 'sqlite') statements = new PreparedStatements(sqliteDatabase(dataSource));
  });

  afterEach(async () => {
    await statements?.close();
    await dataSource.destroy();
  });

  function insert(rows: InboxRow[], prepared = true): Promise<Set<string>> {
    return engine === 'postgres'
      ? insertDeliveriesPostgres(dataSource, rows, { prepared })
      : insertDeliveriesSqlite(statements!, rows);
  }

  function delivery(key: string | null, rawBody: Buffer | null): InboxRow {
    return {
      id: newId(),
      provider: 'github',
      endpoint: 'acme',
      type: 'push',
      providerDeliveryId: key,
      occurredAt: new Date('2026-11-29T08:01:02.345Z'),
      receivedAt: new Date('2026-11-29T08:01:03.456Z'),
      contentType: 'application/json',
      headers: { 'x-github-event': 'push' },
      rawBody,
      status: 'pending',
      attempts: 0,
      planned: false,
      runs: null,
      lease: null,
    };
  }

  /** What readDeliveryRecord reads back of a row the inbox wrote. */
  const record = ({ runs: _runs, lease: _lease, ...stored }: InboxRow) => stored;

  it('stores rows and bodies, skipping conflicting rows whole, and returns the stored ids', async () => {
    const stored = delivery('k-stored', Buffer.from('{"first":true}'));
    expect(await insert([stored])).toEqual(new Set([stored.id]));

    // Bytes that are not UTF-8 must come back as they were sent.
    const a = delivery('k-a', Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x7d]));
    const copyOfStored = delivery('k-stored', Buffer.from('{"copy":true}'));
    const unkeyed = delivery(null, Buffer.from('{"b":1}'));
    const copyOfA = delivery('k-a', Buffer.from('{"copy of a":true}'));
    const bodiless = delivery('k-c', null);
    const empty = delivery('k-e', Buffer.alloc(0));
    // The same id as a stored delivery (never happens with fresh ids; must not be half-stored).
    const sameId = { ...delivery('k-same-id', Buffer.from('{"same id":true}')), id: stored.id };
    const batch = [a, copyOfStored, unkeyed, copyOfA, bodiless, sameId, empty];

    expect(await insert(batch)).toEqual(new Set([a.id, unkeyed.id, bodiless.id, empty.id]));

    for (const row of [stored, a, unkeyed, bodiless, empty]) {
      expect(await readDeliveryRecord(dataSource, entities, row.id)).toEqual(record(row));
    }
    const rows = await dataSource.getRepository(entities.Delivery).find({ select: { id: true } });
    expect(rows.map((row) => row.id).sort()).toEqual(
      [stored.id, a.id, unkeyed.id, bodiless.id, empty.id].sort(),
    );
    const bodies = await dataSource.getRepository(entities.DeliveryBody).find();
    expect(bodies.map((body) => body.deliveryId).sort()).toEqual(
      [stored.id, a.id, unkeyed.id, empty.id].sort(),
    );
  });

  it('a body is deleted with its delivery', async () => {
    const row = delivery('k-gone', Buffer.from('{}'));
    await insert([row]);
    await dataSource.getRepository(entities.Delivery).delete({ id: row.id });
    expect(await dataSource.getRepository(entities.DeliveryBody).count()).toBe(0);
  });

  it('stores the runs planned on arrival, leased or waiting, with their delivery only', async () => {
    const expiresAt = new Date('2026-11-29T08:02:03.456Z');
    const lease = { owner: 'host:1:abcd', expiresAt, leasedAt: 0 };
    const planned = (key: string, handlers: string[], leased: boolean): InboxRow => ({
      ...delivery(key, Buffer.from(`{"${key}":1}`)),
      planned: true,
      status: handlers.length === 0 ? 'succeeded' : leased ? 'processing' : 'pending',
      attempts: leased ? 1 : 0,
      runs: handlers.map((handler) => ({ id: newId(), handler })),
      lease: leased ? lease : null,
    });
    const leased = planned('k-leased', ['audit', 'notify'], true);
    const waiting = planned('k-waiting', ['audit'], false);
    const unmatched = planned('k-unmatched', [], false);
    const copy = planned('k-leased', ['audit'], true);
    const stored = await insert([leased, waiting, unmatched]);
    expect(stored).toEqual(new Set([leased.id, waiting.id, unmatched.id]));
    // A copy of a stored delivery adds no runs (its reservation is the caller's to give back).
    expect(await insert([copy])).toEqual(new Set());

    for (const row of [leased, waiting, unmatched]) {
      expect(await readDeliveryRecord(dataSource, entities, row.id)).toEqual(record(row));
    }
    const runs = await dataSource.getRepository(entities.Run).find({ order: { handler: 'ASC' } });
    const received = leased.receivedAt;
    const expected = [
      ...leased.runs!.map((run) => ({
        id: run.id,
        deliveryId: leased.id,
        handler: run.handler,
        status: 'processing',
        attempts: 1,
        leaseOwner: lease.owner,
        leaseExpiresAt: expiresAt,
      })),
      {
        id: waiting.runs![0].id,
        deliveryId: waiting.id,
        handler: 'audit',
        status: 'pending',
        attempts: 0,
        leaseOwner: null,
        leaseExpiresAt: null,
      },
    ].map((run) => ({
      ...run,
      nextAttemptAt: received,
      lastError: null,
      createdAt: received,
      updatedAt: received,
      finishedAt: null,
    }));
    const byId = (x: { id: string }, y: { id: string }) => x.id.localeCompare(y.id);
    expect([...runs].sort(byId)).toEqual(expected.sort(byId));
  });

  const onPostgres = engine === 'postgres' ? it : it.skip;

  /** The inbox statements sent while `work` runs: each one's name and number of values. */
  async function inboxStatementsSent(
    work: () => Promise<void>,
  ): Promise<{ name?: string; values: number }[]> {
    const sent: { name?: string; values: number }[] = [];
    const original = Client.prototype.query as (this: Client, ...args: unknown[]) => unknown;
    const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
      this: Client,
      ...args: unknown[]
    ) {
      const first = args[0] as { text?: string; name?: string; values?: unknown[] } | string;
      if (typeof first === 'object' && first.text?.startsWith('WITH "incoming"')) {
        sent.push({ name: first.name, values: first.values?.length ?? 0 });
      }
      return original.apply(this, args);
    } as never);
    try {
      await work();
    } finally {
      spy.mockRestore();
    }
    return sent;
  }

  const width = INBOX_COLUMNS.length;
  const rowsOf = (size: number, tag: string) =>
    Array.from({ length: size }, (_, i) => delivery(`k-${tag}-${i}`, Buffer.from(`{"n":${i}}`)));

  onPostgres(
    'on PostgreSQL, pads each batch to a prepared size and stores exactly its rows',
    async () => {
      // 7 rows go through the 8-row statement, twice; 201 rows are more than any prepared size
      // (the inbox never sends as many: MAX_BATCH); with `prepared` off (the setting
      // database.preparedStatements) a batch goes unnamed and unpadded.
      const batches: [number, boolean][] = [
        [1, true],
        [7, true],
        [7, true],
        [33, true],
        [200, true],
        [201, true],
        [7, false],
      ];
      const sent = await inboxStatementsSent(async () => {
        for (const [index, [size, prepared]] of batches.entries()) {
          const rows = rowsOf(size, String(index));
          expect(await insert(rows, prepared)).toEqual(new Set(rows.map((row) => row.id)));
        }
      });
      expect(sent).toEqual([
        { name: 'hookgate_inbox_1', values: 1 * width },
        { name: 'hookgate_inbox_8', values: 8 * width },
        { name: 'hookgate_inbox_8', values: 8 * width },
        { name: 'hookgate_inbox_48', values: 48 * width },
        { name: 'hookgate_inbox_200', values: 200 * width },
        { name: undefined, values: 201 * width },
        { name: undefined, values: 7 * width },
      ]);
      const total = batches.reduce((sum, [size]) => sum + size, 0);
      expect(await dataSource.getRepository(entities.Delivery).count()).toBe(total);
      expect(await dataSource.getRepository(entities.DeliveryBody).count()).toBe(total);
    },
  );

  onPostgres('on PostgreSQL, a padded batch stores the runs of its rows only', async () => {
    const expiresAt = new Date('2026-11-29T08:02:03.456Z');
    const rows = rowsOf(5, 'runs').map((row, i) => ({
      ...row,
      planned: true,
      status: 'processing' as const,
      attempts: 1,
      runs: [{ id: newId(), handler: `h${i}` }],
      lease: { owner: 'host:1:abcd', expiresAt, leasedAt: 0 },
    }));
    const sent = await inboxStatementsSent(async () => {
      await insert(rows);
    });
    expect(sent).toEqual([{ name: 'hookgate_inbox_6', values: 6 * width }]);
    const runs = await dataSource.getRepository(entities.Run).find();
    expect(runs.map((run) => run.id).sort()).toEqual(rows.map((row) => row.runs[0].id).sort());
    expect(runs.every((run) => run.status === 'processing' && run.attempts === 1)).toBe(true);
  });

  onPostgres(
    'on PostgreSQL, a connection that lost its prepared statement is dropped, and the batch sent again',
    async () => {
      const first = rowsOf(1, 'first');
      await insert(first);
      // The pool hands out its most recently returned connection first: the one that prepared
      // the statement. Its server session forgets it (as behind a pooler that switched
      // sessions) while node-postgres still counts it as prepared.
      await dataSource.query('DEALLOCATE ALL');
      const again = rowsOf(1, 'again');
      const sent = await inboxStatementsSent(async () => {
        expect(await insert(again)).toEqual(new Set([again[0].id]));
      });
      expect(sent).toEqual([
        { name: 'hookgate_inbox_1', values: width },
        { name: 'hookgate_inbox_1', values: width },
      ]);
      expect(await dataSource.getRepository(entities.Delivery).count()).toBe(2);
    },
  );
});
