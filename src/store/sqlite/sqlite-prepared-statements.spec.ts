import * as sqlite3 from 'sqlite3';
import { PreparedStatements } from './sqlite-prepared-statements';

describe('PreparedStatements', () => {
  let db: sqlite3.Database;

  beforeEach(async () => {
    db = new sqlite3.Database(':memory:');
    await new Promise<void>((resolve, reject) =>
      db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)', (e) =>
        e ? reject(e) : resolve(),
      ),
    );
  });

  const closeDb = () =>
    new Promise<void>((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));

  /** Calls until one ran on a kept statement (the prepare runs beside the first call). */
  async function untilPrepared(
    statements: PreparedStatements,
    sql: string,
    params: unknown[] | ((call: number) => unknown[]),
  ) {
    const perCall = jest.spyOn(db, 'all');
    for (let i = 0; i < 50; i++) {
      perCall.mockClear();
      const rows = await statements.all(sql, typeof params === 'function' ? params(i) : params);
      if (perCall.mock.calls.length === 0) {
        perCall.mockRestore();
        return rows;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error('never ran prepared');
  }

  it('runs a text per call first, then on the statement kept prepared, with its own parameters', async () => {
    const statements = new PreparedStatements(db);
    const insert = 'INSERT INTO t (v) VALUES (?) RETURNING id, v';
    const perCall = jest.spyOn(db, 'all');
    expect(await statements.all(insert, ['a'])).toEqual([{ id: 1, v: 'a' }]);
    expect(perCall).toHaveBeenCalledTimes(1);
    perCall.mockRestore();
    const kept = await untilPrepared(statements, insert, ['b']);
    expect(kept).toEqual([{ id: expect.any(Number), v: 'b' }]);
    expect(await statements.all(insert, ['c'])).toEqual([{ id: expect.any(Number), v: 'c' }]);
    const all = await statements.all<{ v: string }>('SELECT v FROM t ORDER BY id', []);
    expect(all.map((row) => row.v).slice(-2)).toEqual(['b', 'c']);
    await closeDb();
  });

  it('reports an error to every call, also for a text that does not prepare', async () => {
    const statements = new PreparedStatements(db);
    await expect(statements.all('INSERT INTO missing (v) VALUES (?)', ['x'])).rejects.toThrow(
      /no such table/,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    await expect(statements.all('INSERT INTO missing (v) VALUES (?)', ['x'])).rejects.toThrow(
      /no such table/,
    );
    // A kept statement's own failure (a constraint) is reported too.
    const insert = 'INSERT INTO t (id, v) VALUES (?, ?)';
    await untilPrepared(statements, insert, (call) => [100 + call, 'first']);
    await expect(statements.all(insert, [100, 'again'])).rejects.toThrow(/UNIQUE/);
    await closeDb();
  });

  it('lets the connection close with statements kept, and works per call after its close', async () => {
    const statements = new PreparedStatements(db);
    // More texts than it keeps: the oldest are finalized as new ones come.
    for (let i = 0; i < 24; i++) {
      await untilPrepared(statements, `SELECT ${i} AS n FROM t WHERE v = ?`, ['none']);
    }
    await statements.close();
    expect(await statements.all('SELECT 1 AS one', [])).toEqual([{ one: 1 }]);
    // Closing the connection without closing the statements first works too.
    const other = new PreparedStatements(db);
    await untilPrepared(other, 'SELECT 2 AS two', []);
    await closeDb();
  });

  it('clears the values of a large call from the kept statement, which stays usable', async () => {
    const statements = new PreparedStatements(db);
    const insert = 'INSERT INTO t (v) VALUES (?) RETURNING length(v) AS n';
    await untilPrepared(statements, insert, ['small']);
    const statement = (
      statements as unknown as { statements: Map<string, sqlite3.Statement> }
    ).statements.get(insert)!;
    const bind = jest.spyOn(statement, 'bind');
    const large = 1100 * 1024;
    expect(await statements.all(insert, ['x'.repeat(large)])).toEqual([{ n: large }]);
    expect(bind).toHaveBeenCalledWith([null], expect.any(Function));
    bind.mockClear();
    expect(await statements.all(insert, ['again'])).toEqual([{ n: 5 }]);
    expect(bind).not.toHaveBeenCalled();
    await closeDb();
  });
});
