import { DataSource } from 'typeorm';
import { ScriptLiterals, runScript } from './sqlite-script';
import { sqliteDatabase } from './sqlite-driver';

describe('SQLite statement scripts', () => {
  let dataSource: DataSource;

  beforeEach(async () => {
    dataSource = new DataSource({ type: 'sqlite', database: ':memory:' });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, n REAL)');
  });
  afterEach(() => dataSource.destroy());

  const bodies = async () =>
    (await dataSource.query('SELECT body FROM notes ORDER BY id')).map(
      (row: { body: string | null }) => row.body,
    );

  it('writes any text as a literal that reads back the same and runs nothing of it', async () => {
    const q = new ScriptLiterals();
    const texts = ["it's", "'); DROP TABLE notes; --", 'a\u0000b', 'ünïcödé ✓ \n\t"quoted"', ''];
    await runScript(dataSource, [
      'BEGIN IMMEDIATE',
      ...texts.map((text) => `INSERT INTO notes (body) VALUES (${q.value(text)})`),
      `INSERT INTO notes (body, n) VALUES (${q.value(null)}, ${q.value(-1.5)})`,
      'COMMIT',
    ]);
    expect(await bodies()).toEqual([...texts, null]);
    expect(await dataSource.query('SELECT n FROM notes WHERE body IS NULL')).toEqual([{ n: -1.5 }]);
    expect(q.params).toEqual([]);
  });

  it('writes booleans as 1 and 0, dates as TypeORM stores them, and refuses other values', () => {
    const q = new ScriptLiterals();
    expect(q.list([true, false])).toBe('1, 0');
    expect(q.date(new Date('2026-11-29T08:01:02.345Z'))).toBe("'2026-11-29 08:01:02.345'");
    expect(() => q.value({ id: 1 })).toThrow(TypeError);
    expect(() => q.value(Number.NaN)).toThrow(TypeError);
  });

  it('rolls back the transaction a failed script began, and passes the error on', async () => {
    await expect(
      runScript(dataSource, [
        'BEGIN IMMEDIATE',
        "INSERT INTO notes (body) VALUES ('kept only if committed')",
        'INSERT INTO missing_table (body) VALUES (1)',
        'COMMIT',
      ]),
    ).rejects.toThrow(/no such table: missing_table/);
    expect(await bodies()).toEqual([]);
    // The connection is not left inside a transaction: the next script begins its own.
    await runScript(dataSource, [
      'BEGIN IMMEDIATE',
      "INSERT INTO notes (body) VALUES ('next')",
      'COMMIT',
    ]);
    expect(await bodies()).toEqual(['next']);
  });

  it('rolls back before a statement queued behind the failed script runs (shared write lock)', async () => {
    // A shared holder of the write lock (the inbox) may queue its autocommit insert while a
    // script runs. Had it run inside the failed script's still open transaction, the rollback
    // would take it away after its caller had been told it committed.
    const db = sqliteDatabase(dataSource);
    const failing = runScript(dataSource, [
      'BEGIN IMMEDIATE',
      "INSERT INTO notes (body) VALUES ('rolled back')",
      'INSERT INTO missing_table (body) VALUES (1)',
      'COMMIT',
    ]);
    const queued = new Promise<unknown[]>((resolve, reject) =>
      db.all("INSERT INTO notes (body) VALUES ('queued') RETURNING id", (error, rows) =>
        error ? reject(error) : resolve(rows),
      ),
    );
    await expect(failing).rejects.toThrow(/no such table/);
    await expect(queued).resolves.toHaveLength(1);
    expect(await bodies()).toEqual(['queued']);
  });
});
