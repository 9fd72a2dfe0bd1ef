import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as sqlite3 from 'sqlite3';
import {
  freePort,
  gatewayProcessSuite,
  waitUntilHealthy,
  writeNoopPushHandler,
  type GatewayProcess,
} from '../../helpers/gateway-process';
import { githubHeaders } from '../../helpers/github';

/**
 * The SQLite pair: a `role: api` process and a `role: worker` process on one SQLite file (see
 * the README's Roles). The worker writes while the edge's inserts keep arriving: neither may
 * fail with SQLITE_BUSY, and every handler run happens exactly once.
 */
const SECRET = 'sqlite-pair-github-secret';
const DELIVERIES = 1500;
const SENDERS = 24;

interface Started {
  port: number;
  process: GatewayProcess;
}

describe('an api process and a worker process on one SQLite file', () => {
  const suite = gatewayProcessSuite('hookgate-sqlite-pair-');

  async function start(role: 'api' | 'worker', file: string): Promise<Started> {
    const port = await freePort();
    const config = join(suite.dir, `${role}.yaml`);
    writeFileSync(
      config,
      [
        `port: ${port}`,
        `role: ${role}`,
        `database: { url: "sqlite:${file}" }`,
        'dispatch: { concurrency: 8 }',
        'endpoints:',
        `  - { provider: github, id: pair, secrets: ["${SECRET}"] }`,
        `handlers: [${JSON.stringify(writeNoopPushHandler(suite))}]`,
      ].join('\n'),
    );
    const process = suite.start({ HOOKGATE_CONFIG: config, NODE_ENV: 'production' });
    await waitUntilHealthy(process, port, 60_000);
    return { port, process };
  }

  /** Runs by status and attempt count, read from the file with a connection of the test's own. */
  async function runStates(file: string): Promise<{ total: number; succeededOnce: number }> {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
    try {
      return await new Promise((resolve, reject) =>
        db.get(
          `SELECT count(*) AS total,
                  sum(CASE WHEN status = 'succeeded' AND attempts = 1 THEN 1 ELSE 0 END) AS succeededOnce
             FROM runs`,
          (error: Error | null, row: { total: number; succeededOnce: number | null }) =>
            error
              ? reject(error)
              : resolve({ total: row.total, succeededOnce: row.succeededOnce ?? 0 }),
        ),
      );
    } finally {
      await new Promise((resolve) => db.close(resolve));
    }
  }

  function problems(processes: Started[]): string[] {
    return processes.flatMap(({ process }) =>
      process
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50|60)/.test(line))
        .map((line) => line.slice(0, 300)),
    );
  }

  it(`stores and dispatches ${DELIVERIES} deliveries, each handler run once, with no SQLITE_BUSY`, async () => {
    const file = join(suite.dir, 'pair.sqlite');
    // The worker first: it creates the file and its schema; the edge then finds them current.
    const worker = await start('worker', file);
    const api = await start('api', file);
    try {
      let next = 0;
      const statuses = new Map<number, number>();
      const sender = async () => {
        for (let n = next++; n < DELIVERIES; n = next++) {
          const body = JSON.stringify({ ref: 'refs/heads/main', n, padding: 'x'.repeat(2000) });
          const res = await fetch(`http://127.0.0.1:${api.port}/webhooks/github/pair`, {
            method: 'POST',
            headers: githubHeaders(SECRET, body, 'push', `pair-${n}`),
            body,
          });
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: SENDERS }, sender));
      expect([...statuses]).toEqual([[200, DELIVERIES]]);

      // One handler matches a push (the gateway's example push logger).
      const deadline = Date.now() + 60_000;
      let states = await runStates(file);
      while (states.succeededOnce < DELIVERIES && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        states = await runStates(file);
      }
      expect(states).toEqual({ total: DELIVERIES, succeededOnce: DELIVERIES });
      expect(problems([api, worker])).toEqual([]);
    } finally {
      // A clean shutdown: Nest closes the app and the store, then lets the signal end the process.
      for (const { process } of [api, worker]) process.child.kill('SIGTERM');
      expect(await api.process.exited).toBe('SIGTERM');
      expect(await worker.process.exited).toBe('SIGTERM');
    }
  }, 180_000);
});
