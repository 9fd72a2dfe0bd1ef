import { Database } from 'sqlite3';
import { DELIVERY_STATE_FROM_RUNS_SQL } from './delivery-status';

/** Runs the SQL on an in-memory SQLite store (PostgreSQL runs it in the e2e suites). */
describe('DELIVERY_STATE_FROM_RUNS_SQL', () => {
  let db: Database;
  const exec = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (e) => (e ? reject(e) : resolve())));
  const get = <T>(sql: string, params: unknown[] = []) =>
    new Promise<T>((resolve, reject) =>
      db.get<T>(sql, params, (e, row) => (e ? reject(e) : resolve(row))),
    );

  beforeAll(async () => {
    db = new Database(':memory:');
    await exec('CREATE TABLE deliveries (id TEXT PRIMARY KEY, status TEXT, attempts INTEGER)');
    await exec(
      'CREATE TABLE runs (id TEXT PRIMARY KEY, delivery_id TEXT, status TEXT, attempts INTEGER)',
    );
  });
  afterAll(() => new Promise<void>((resolve) => db.close(() => resolve())));

  it.each([
    [[], 'succeeded'],
    [['succeeded', 'succeeded'], 'succeeded'],
    [['succeeded', 'processing'], 'processing'],
    [['failed', 'processing'], 'processing'],
    [['succeeded', 'failed'], 'failed'],
    [['dead', 'failed'], 'failed'],
    [['pending', 'succeeded'], 'pending'],
    [['dead', 'pending'], 'pending'],
    [['dead', 'succeeded'], 'dead'],
    [['dead'], 'dead'],
  ] as const)('%j → %s', async (runs, expected) => {
    await exec('DELETE FROM runs');
    await exec('DELETE FROM deliveries');
    await exec(`INSERT INTO deliveries VALUES ('d1', 'pending', 0), ('d2', 'pending', 0)`);
    for (const [i, status] of runs.entries()) {
      await exec('INSERT INTO runs VALUES (?, ?, ?, ?)', [`r${i}`, 'd1', status, i + 2]);
    }
    // A run of another delivery must not count.
    await exec(`INSERT INTO runs VALUES ('other', 'd2', 'processing', 9)`);

    await exec(`UPDATE deliveries SET ${DELIVERY_STATE_FROM_RUNS_SQL} WHERE id = 'd1'`);

    const row = await get<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM deliveries WHERE id = 'd1'`,
    );
    expect(row).toEqual({ status: expected, attempts: runs.length === 0 ? 0 : runs.length + 1 });
  });
});
