import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import { writeTransaction } from './write-transaction';

/**
 * Two connections on one SQLite file, as a `role: worker` process and a `role: api` process
 * have: a transaction that reads first and writes later, while the other connection inserts.
 */
describe('writeTransaction on a SQLite file another connection writes to', () => {
  let dir: string;
  let dataSource: DataSource;
  let other: sqlite3.Database;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookgate-write-tx-'));
    const file = join(dir, 'store.sqlite');
    dataSource = new DataSource({
      type: 'sqlite',
      database: file,
      enableWAL: true,
      busyTimeout: 5000,
    });
    await dataSource.initialize();
    await dataSource.query('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    other = new sqlite3.Database(file);
    other.configure('busyTimeout', 5000);
  });

  afterEach(async () => {
    await new Promise((resolve) => other.close(resolve));
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The other connection's insert, started while `work`'s transaction has read but not written. */
  function readThenWrite(otherInsert: { done?: Promise<void> }) {
    return async (manager: EntityManager) => {
      await manager.query('SELECT count(*) AS n FROM notes');
      otherInsert.done = new Promise<void>((resolve, reject) =>
        other.run("INSERT INTO notes (body) VALUES ('other')", (error) =>
          error ? reject(error) : resolve(),
        ),
      );
      // Time for the other insert to commit, were the file not locked.
      await new Promise((resolve) => setTimeout(resolve, 100));
      await manager.query("INSERT INTO notes (body) VALUES ('mine')");
    };
  }

  it('takes the write lock at BEGIN: the other connection waits, nobody fails', async () => {
    const otherInsert: { done?: Promise<void> } = {};
    await writeTransaction(dataSource, readThenWrite(otherInsert));
    await otherInsert.done;
    const rows = await dataSource.query('SELECT body FROM notes ORDER BY id');
    expect(rows.map((row: { body: string }) => row.body)).toEqual(['mine', 'other']);
    // The runner is free again: the next transaction begins normally.
    await writeTransaction(dataSource, (manager) =>
      manager.query("INSERT INTO notes (body) VALUES ('next')"),
    );
    expect(await dataSource.query('SELECT count(*) AS n FROM notes')).toEqual([{ n: 3 }]);
  });

  it("why: TypeORM's own deferred BEGIN fails in the same situation, without waiting", async () => {
    const otherInsert: { done?: Promise<void> } = {};
    await expect(dataSource.transaction(readThenWrite(otherInsert))).rejects.toThrow(/SQLITE_BUSY/);
    await otherInsert.done;
    const rows = await dataSource.query('SELECT body FROM notes ORDER BY id');
    expect(rows.map((row: { body: string }) => row.body)).toEqual(['other']);
  });

  it('rolls back and frees the runner when the work fails', async () => {
    await expect(
      writeTransaction(dataSource, async (manager) => {
        await manager.query("INSERT INTO notes (body) VALUES ('lost')");
        throw new Error('handler bug');
      }),
    ).rejects.toThrow('handler bug');
    expect(await dataSource.query('SELECT count(*) AS n FROM notes')).toEqual([{ n: 0 }]);
    await writeTransaction(dataSource, (manager) =>
      manager.query("INSERT INTO notes (body) VALUES ('kept')"),
    );
    expect(await dataSource.query('SELECT body FROM notes')).toEqual([{ body: 'kept' }]);
  });
});
