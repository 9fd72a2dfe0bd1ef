import { DataSource } from 'typeorm';
import { DatabaseConfig } from '../../../src/config/config.schema';
import { dataSourceOptions } from '../../../src/store/data-source';
import {
  PostgresLiterals,
  postgresScriptTransaction,
} from '../../../src/store/postgres/postgres-script';
import { isolatedSchemaUrl } from '../../helpers/pg-database';
import { testDatabaseUrl } from '../../helpers/test-app';

/**
 * PostgreSQL only (jest.pg.config.js): the worker's transactions sent as multi-statement texts
 * with the values written in. PostgreSQL itself parses every literal back.
 */
describe('PostgreSQL scripts', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    const url = await isolatedSchemaUrl(testDatabaseUrl());
    // One connection: a connection left inside a transaction would be handed out again.
    const config = Object.assign(new DatabaseConfig(), { url, poolSize: 1 });
    dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    await dataSource.query('CREATE TABLE "items" ("id" integer PRIMARY KEY, "name" text)');
  });

  afterEach(() => dataSource.destroy());

  it('writes literals PostgreSQL reads back as the same values', async () => {
    const texts = [
      '',
      "it's",
      "''",
      'back\\slash',
      "\\'; DROP TABLE items; --",
      "E'not an escape'",
      '$$dollar$$',
      'line\nbreak\ttab',
      'é 😀 \u2028',
      'x'.repeat(10_000),
    ];
    const date = new Date('2026-11-29T08:01:02.345Z');
    const q = new PostgresLiterals();
    const rows = await postgresScriptTransaction(dataSource, (send) =>
      send([
        `SELECT ${texts.map((text, i) => `${q.value(text)} AS "t${i}"`).join(', ')}`,
        `SELECT ${q.value(42)} AS "n", ${q.value(-1.5)} AS "f", ${q.value(true)} AS "yes", ` +
          `${q.value(false)} AS "no", ${q.value(null)} AS "none", ${q.date(date)} AS "at"`,
      ]),
    );
    expect(rows[0]).toEqual([Object.fromEntries(texts.map((text, i) => [`t${i}`, text]))]);
    expect(rows[1]).toEqual([{ n: 42, f: '-1.5', yes: true, no: false, none: null, at: date }]);
    expect(await dataSource.query('SELECT count(*)::int AS "n" FROM "items"')).toEqual([{ n: 0 }]);
  });

  it('runs each transaction without JIT compilation or bitmap scans, and answers with its own statements only', async () => {
    // The pool's one connection, with both on whatever the server's defaults.
    await dataSource.query('SET jit = on');
    await dataSource.query('SET enable_bitmapscan = on');
    const rows = await postgresScriptTransaction(dataSource, (send) =>
      send(['BEGIN', 'SHOW jit', 'SHOW enable_bitmapscan', `SELECT 1 AS "one"`, 'COMMIT']),
    );
    expect(rows).toEqual([[], [{ jit: 'off' }], [{ enable_bitmapscan: 'off' }], [{ one: 1 }], []]);
    // Only for the transaction: the connection keeps its own settings.
    expect(await dataSource.query('SHOW jit')).toEqual([{ jit: 'on' }]);
    expect(await dataSource.query('SHOW enable_bitmapscan')).toEqual([{ enable_bitmapscan: 'on' }]);
  });

  it('refuses values it cannot write as a literal', () => {
    const q = new PostgresLiterals();
    expect(() => q.value('nul\u0000')).toThrow(TypeError);
    expect(() => q.value(Number.NaN)).toThrow(TypeError);
    expect(() => q.value({})).toThrow(TypeError);
  });

  it('fails a transaction that returns without its COMMIT, and rolls it back', async () => {
    const q = new PostgresLiterals();
    await expect(
      postgresScriptTransaction(dataSource, (send) =>
        send(['BEGIN', `INSERT INTO "items" VALUES (5, ${q.value('uncommitted')})`]),
      ),
    ).rejects.toThrow(/without its COMMIT/);
    expect(await dataSource.query('SELECT count(*)::int AS "n" FROM "items"')).toEqual([{ n: 0 }]);
  });

  it('rolls a failed transaction back and returns a usable connection', async () => {
    const q = new PostgresLiterals();
    await expect(
      postgresScriptTransaction(dataSource, async (send) => {
        await send(['BEGIN', `INSERT INTO "items" VALUES (1, ${q.value('kept?')})`]);
        await send([`INSERT INTO "items" VALUES (1, ${q.value('duplicate')})`, 'COMMIT']);
      }),
    ).rejects.toThrow(/duplicate key/);
    // The only connection is back in the pool, outside any transaction, and the insert is gone.
    const after = await postgresScriptTransaction(dataSource, async (send) => {
      const [, inserted] = await send([
        'BEGIN',
        `INSERT INTO "items" VALUES (2, ${q.value('new')}) RETURNING "id"`,
      ]);
      await send(['COMMIT']);
      return inserted;
    });
    expect(after).toEqual([{ id: 2 }]);
    expect(await dataSource.query('SELECT "id" FROM "items" ORDER BY "id"')).toEqual([{ id: 2 }]);
  });

  it('survives its connection being killed while it holds it, and discards that connection', async () => {
    const killer = await new DataSource(
      dataSourceOptions(Object.assign(new DatabaseConfig(), { url: testDatabaseUrl() })),
    ).initialize();
    let killed = 0;
    try {
      await expect(
        postgresScriptTransaction(dataSource, async (send) => {
          const [, [{ pid }]] = (await send(['BEGIN', 'SELECT pg_backend_pid() AS "pid"'])) as [
            unknown,
            { pid: number }[],
          ];
          killed = pid;
          await killer.query('SELECT pg_terminate_backend($1)', [pid]);
          // The server's notice of the kill arrives while no query is running.
          await new Promise((resolve) => setTimeout(resolve, 200));
          await send(['INSERT INTO "items" VALUES (3, NULL)', 'COMMIT']);
        }),
      ).rejects.toThrow(/terminat|connection/i);
      // The pool's only connection now is a new one: the dead one was not handed out again.
      const [{ pid: fresh }] = await dataSource.query('SELECT pg_backend_pid() AS "pid"');
      expect(fresh).toEqual(expect.any(Number));
      expect(fresh).not.toBe(killed);
      expect(await dataSource.query('SELECT count(*)::int AS "n" FROM "items"')).toEqual([
        { n: 0 },
      ]);
    } finally {
      await killer.destroy();
    }
  });
});
