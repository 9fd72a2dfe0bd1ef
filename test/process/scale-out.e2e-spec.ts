import { writeFileSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import {
  freePort,
  gatewayProcessSuite,
  waitUntilHealthy,
  writeNoopPushHandler,
  type GatewayProcess,
} from '../helpers/gateway-process';
import { githubHeaders } from '../helpers/github';
import { createTestDatabase, dropTestDatabase } from '../helpers/pg-database';

/**
 * PostgreSQL only (jest.pg.config.js): several gateway processes on one database, as behind a
 * load balancer. Deliveries are spread over the processes; a forward target counts what
 * arrives by `webhook-id` (the gateway delivery id).
 */
const SECRET = 'scale-out-github-secret';
const ADMIN = 'scale-out-admin-token-0123';
const DELIVERIES = 2000;
const PROCESSES = 3;
const SENDERS = 24;
const CONCURRENCY = 16; // dispatch.concurrency per process
const PREFETCH = 64; // dispatch.prefetch per process (the default)

/** The downstream service, in its own process (see counting-target.js): counts each webhook-id. */
class Target {
  readonly received = new Map<string, number>();
  private child: ChildProcess;
  port = 0;

  async start(): Promise<void> {
    this.child = fork(join(__dirname, '..', 'helpers', 'counting-target.js'));
    this.port = await new Promise<number>((resolve, reject) => {
      this.child.once('error', reject);
      this.child.on('message', (message: { port?: number; id?: string }) => {
        if (message.port) resolve(message.port);
        if (message.id) this.received.set(message.id, (this.received.get(message.id) ?? 0) + 1);
      });
    });
  }

  async stop(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}

interface Gateway {
  port: number;
  process: GatewayProcess;
  alive: boolean;
}

describe('scale-out: three gateway processes on one PostgreSQL database', () => {
  const suite = gatewayProcessSuite('hookgate-scale-out-');
  const databases: string[] = [];

  afterAll(async () => {
    for (const url of databases) await dropTestDatabase(url);
  }, 60_000);

  /** A fresh database and PROCESSES gateways started together (they race to migrate it). */
  async function startCluster(target: Target): Promise<{ gateways: Gateway[]; db: Client }> {
    const url = await createTestDatabase();
    databases.push(url);
    const gateways = await Promise.all(
      Array.from({ length: PROCESSES }, async (_, i) => {
        const port = await freePort();
        const config = join(suite.dir, `gateway-${port}.yaml`);
        writeFileSync(
          config,
          [
            `port: ${port}`,
            `database: { url: "${url}", poolSize: 6 }`,
            `admin: { token: "${ADMIN}" }`,
            `dispatch: { concurrency: ${CONCURRENCY}, prefetch: ${PREFETCH}, timeoutMs: 4000, leaseMs: 8000 }`,
            'endpoints:',
            `  - { provider: github, id: scale, secrets: ["${SECRET}"], forward: [{ url: "http://127.0.0.1:${target.port}/in" }] }`,
            `handlers: [${JSON.stringify(writeNoopPushHandler(suite))}]`,
          ].join('\n'),
        );
        // Production: JSON logs (cheaper than pretty ones with three processes on few cores).
        const process = suite.start({ HOOKGATE_CONFIG: config, NODE_ENV: 'production' });
        return { port, process, alive: true, index: i };
      }),
    );
    await Promise.all(gateways.map((g) => waitUntilHealthy(g.process, g.port, 60_000)));
    const db = new Client({ connectionString: url });
    await db.connect();
    return { gateways, db };
  }

  /**
   * Send DELIVERIES signed pushes, round robin over the live gateways (as a load balancer
   * with health checks would). Returns the gateway ids of the acknowledged ones.
   */
  async function sendAll(gateways: Gateway[], onProgress?: (answered: number) => void) {
    const acknowledged = new Set<string>();
    let next = 0;
    let refused = 0;
    let answered = 0;
    const sender = async () => {
      for (let n = next++; n < DELIVERIES; n = next++) {
        const live = gateways.filter((g) => g.alive);
        const gateway = live[n % live.length];
        const body = JSON.stringify({ ref: 'refs/heads/main', n, padding: 'x'.repeat(500) });
        try {
          const res = await fetch(`http://127.0.0.1:${gateway.port}/webhooks/github/scale`, {
            method: 'POST',
            headers: githubHeaders(SECRET, body, 'push', `scale-${n}`),
            body,
          });
          if (res.status === 200) acknowledged.add(((await res.json()) as { id: string }).id);
          else refused++;
        } catch {
          refused++; // the connection died with its process
        }
        onProgress?.(++answered);
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, sender));
    return { acknowledged, refused };
  }

  async function until(check: () => Promise<boolean> | boolean, ms: number, what: string) {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /**
   * All handler runs (the forward and the no-op push handler), those not yet
   * succeeded, and those claimed more than once (every claim counts an attempt).
   */
  async function runStates(
    db: Client,
  ): Promise<{ total: number; unfinished: number; retried: number }> {
    const { rows } = await db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status <> 'succeeded')::int AS unfinished,
              count(*) FILTER (WHERE attempts <> 1)::int AS retried
         FROM runs`,
    );
    return rows[0];
  }

  /** The gateways' warning and error log lines (at most 20), prefixed with their port. */
  function warnings(gateways: Gateway[]): string {
    const lines = gateways.flatMap((g) =>
      g.process
        .output()
        .split('\n')
        .filter((line) => /"level":(40|50|60)/.test(line))
        .map((line) => `  ${g.port} ${line.slice(0, 400)}`),
    );
    return lines.length ? `gateway warnings:\n${lines.slice(0, 20).join('\n')}\n` : '';
  }

  /** Handler runs each process recorded, from its /metrics (best effort: for the report). */
  async function runsPerProcess(gateways: Gateway[]): Promise<string> {
    const counts = await Promise.all(
      gateways.map(async (g) => {
        if (!g.alive) return 'killed';
        const text = await (await fetch(`http://127.0.0.1:${g.port}/metrics`)).text();
        const lines = text.split('\n').filter((l) => l.startsWith('hookgate_runs_total{'));
        const total = lines
          .filter((l) => l.includes('outcome="succeeded"'))
          .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
        return lines.length ? String(total) : 'n/a';
      }),
    );
    return counts.join(' / ');
  }

  it(`runs every handler exactly once for ${DELIVERIES} deliveries spread over ${PROCESSES} processes`, async () => {
    const target = new Target();
    await target.start();
    const { gateways, db } = await startCluster(target);
    try {
      const started = Date.now();
      const { acknowledged, refused } = await sendAll(gateways);
      const sentMs = Date.now() - started;
      expect(refused).toBe(0);
      expect(acknowledged.size).toBe(DELIVERIES);
      await until(() => target.received.size >= DELIVERIES, 60_000, 'every forward');
      await until(async () => (await runStates(db)).unfinished === 0, 30_000, 'runs to settle');
      const doneMs = Date.now() - started;
      await new Promise((r) => setTimeout(r, 500)); // room for a second run, if there were one

      const twice = [...target.received].filter(([, times]) => times > 1);
      const unknown = [...target.received.keys()].filter((id) => !acknowledged.has(id));
      const { total, retried } = await runStates(db);
      process.stdout.write(
        `scale-out: ${DELIVERIES} deliveries over ${PROCESSES} processes acknowledged in ${sentMs} ms, ` +
          `all forwarded in ${doneMs} ms; runs per process ${await runsPerProcess(gateways)}; ` +
          `handler runs ${total}, claimed more than once ${retried}, forwarded more than once ${twice.length}\n`,
      );
      // Why a run ran again (a timeout, an error), for whoever reads a failed CI log.
      if (twice.length || retried) process.stdout.write(warnings(gateways));
      expect(twice).toEqual([]);
      expect(unknown).toEqual([]);
      expect(total).toBe(2 * DELIVERIES);
      expect(retried).toBe(0);
    } finally {
      await db.end();
      await target.stop();
      for (const g of gateways) g.process.child.kill('SIGTERM');
      await Promise.all(gateways.map((g) => g.process.exited));
    }
  }, 120_000);

  it('delivers every acknowledged delivery at least once when a process is killed -9 midway', async () => {
    const target = new Target();
    await target.start();
    const { gateways, db } = await startCluster(target);
    const victim = gateways[1];
    try {
      let forwardedAtKill = 0;
      let answeredAtKill = 0;
      const kill = (answered: number) => {
        victim.alive = false; // the load balancer stops routing to it
        forwardedAtKill = target.received.size;
        answeredAtKill = answered;
        victim.process.child.kill('SIGKILL');
      };
      // Midway through receiving, with runs in flight: some requests to it are cut off.
      const { acknowledged, refused } = await sendAll(gateways, (answered) => {
        if (victim.alive && answered >= DELIVERIES * 0.4 && target.received.size >= 100) {
          kill(answered);
        }
      });
      if (victim.alive) {
        await until(() => target.received.size >= 100, 60_000, 'forwards to start');
        kill(DELIVERIES);
      }
      expect(await victim.process.exited).toBe('SIGKILL');

      const missing = () => [...acknowledged].filter((id) => !target.received.has(id));
      // The dead process's leased runs come back after leaseMs (8 s).
      await until(() => missing().length === 0, 60_000, 'every acknowledged delivery forwarded');
      await until(async () => (await runStates(db)).unfinished === 0, 30_000, 'runs to settle');

      const duplicates = [...target.received].filter(([, times]) => times > 1).length;
      process.stdout.write(
        `scale-out kill -9: sent ${DELIVERIES}, acknowledged ${acknowledged.size}, refused/cut ${refused}, ` +
          `killed after ${answeredAtKill} answers and ${forwardedAtKill} forwards, forwarded ${target.received.size} distinct, ` +
          `duplicates ${duplicates}, missing ${missing().length}; runs per process ${await runsPerProcess(gateways)}\n`,
      );
      expect(acknowledged.size).toBeGreaterThan(DELIVERIES * 0.9);
      expect(missing()).toEqual([]);
      // Only runs the dead process held a lease on can run twice: at most the runs in flight
      // and those finished but not yet recorded, which its claims bound.
      expect(duplicates).toBeLessThanOrEqual(CONCURRENCY + PREFETCH);
    } finally {
      await db.end();
      await target.stop();
      for (const g of gateways) if (g.alive) g.process.child.kill('SIGTERM');
      await Promise.all(gateways.map((g) => g.process.exited));
    }
  }, 120_000);
});
