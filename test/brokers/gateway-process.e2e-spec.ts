import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { amqpExchange, natsStream, redisKeys } from '../helpers/broker-fixtures';
import { byId, requireBroker } from '../helpers/brokers';
import { freePort, gatewayProcessSuite, waitUntilHealthy } from '../helpers/gateway-process';
import { githubHeaders } from '../helpers/github';

const SECRET = 'broker-kill-secret';
const ADMIN = 'broker-kill-admin-token';
// Credentials the servers here ignore (they run without auth): never in the gateway's output.
const NATS_TOKEN = 'nats-token-not-in-logs-93b1';
const REDIS_PASSWORD = 'redis-password-not-in-logs-41d7';

/**
 * The built gateway publishing to all three brokers is killed with SIGKILL while deliveries
 * arrive, then restarted on the same file: every acknowledged delivery reaches every broker at
 * least once, and a consumer that de-duplicates on the CloudEvents id sees each once.
 */
describe('gateway process with broker targets', () => {
  const suite = gatewayProcessSuite('hookgate-brokers-');

  it.each([
    [
      'all',
      'a NATS target',
      '[{ url: "nats://127.0.0.1:4222", subject: "lazy.{type}" }]',
      ['nats'],
    ],
    ['api', 'a NATS target', '[{ url: "nats://127.0.0.1:4222", subject: "lazy.{type}" }]', []],
    ['all', 'an HTTP target', '[{ url: "http://127.0.0.1:9/in" }]', []],
  ])(
    'role %s with %s loads only the broker clients it publishes with',
    async (role, _what, forward, clients) => {
      const port = await freePort();
      const config = join(suite.dir, `lazy-${role}-${clients.length}.yaml`);
      writeFileSync(
        config,
        [
          `port: ${port}`,
          `role: ${role}`,
          'database: { url: "sqlite::memory:" }',
          `endpoints: [{ provider: github, id: lazy, secrets: [s], forward: ${forward} }]`,
        ].join('\n'),
      );
      const gateway = suite.start({
        HOOKGATE_CONFIG: config,
        NODE_OPTIONS: `--require ${join(__dirname, '..', 'helpers', 'report-loaded-clients.js')}`,
      });
      await waitUntilHealthy(gateway, port);
      const deadline = Date.now() + 20_000;
      while (!gateway.output().includes('LOADED CLIENTS') && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      const line = /LOADED CLIENTS (\[.*\])/.exec(gateway.output());
      expect(line).not.toBeNull();
      // The CloudEvents SDK too loads on first use, not at start-up.
      expect(JSON.parse(line![1])).toEqual(clients);
      gateway.child.kill('SIGTERM');
      await gateway.exited;
    },
    40_000,
  );

  it('every acknowledged delivery arrives on each broker after a restart', async () => {
    for (const kind of ['nats', 'amqp', 'redis'] as const) await requireBroker(kind);
    const [nats, amqp, redis] = await Promise.all([natsStream(), amqpExchange(), redisKeys()]);
    const brokers = { nats, amqp, redis };
    try {
      const port = await freePort();
      const config = join(suite.dir, 'brokers.yaml');
      writeFileSync(
        config,
        [
          `port: ${port}`,
          `database: { url: "sqlite:${join(suite.dir, 'brokers.sqlite')}" }`,
          `admin: { token: "${ADMIN}" }`,
          // One run at a time, so publishing lags behind arrivals and the kill leaves a backlog.
          'dispatch: { concurrency: 1, prefetch: 0, timeoutMs: 2000, leaseMs: 3000, pollIntervalMs: 100 }',
          'endpoints:',
          `  - provider: github`,
          `    id: bus`,
          `    secrets: ["${SECRET}"]`,
          `    forward:`,
          `      - { url: "nats://${NATS_TOKEN}@127.0.0.1:4222", subject: "${nats.prefix}.{type}" }`,
          `      - { url: "amqp://guest:guest@127.0.0.1:5672/", exchange: "${amqp.exchange}", routingKey: "{type}" }`,
          `      - { url: "redis://:${REDIS_PASSWORD}@127.0.0.1:6379", stream: "${redis.prefix}:{endpoint}" }`,
        ].join('\n'),
      );
      const first = suite.start({ HOOKGATE_CONFIG: config });
      await waitUntilHealthy(first, port);

      // Four senders until the process dies under them.
      const acknowledged = new Set<string>();
      let killed = false;
      const sender = async (worker: number) => {
        for (let i = 0; !killed; i++) {
          const body = JSON.stringify({ worker, i });
          try {
            const res = await fetch(`http://127.0.0.1:${port}/webhooks/github/bus`, {
              method: 'POST',
              headers: githubHeaders(SECRET, body, 'push', `kill-${worker}-${i}`),
              body,
            });
            if (res.status === 200) acknowledged.add(((await res.json()) as { id: string }).id);
          } catch {
            if (killed) return;
          }
        }
      };
      const senders = Array.from({ length: 4 }, (_, w) => sender(w));
      while (acknowledged.size < 150 || (await nats.received()).length < 20) {
        await new Promise((r) => setTimeout(r, 20));
      }
      first.child.kill('SIGKILL');
      killed = true;
      await first.exited;
      await Promise.all(senders);
      const beforeRestart = Object.fromEntries(
        await Promise.all(
          Object.entries(brokers).map(async ([k, f]) => [k, byId(await f.received()).ids.size]),
        ),
      );

      // Killed mid-stream: some acknowledged deliveries were not published yet.
      for (const count of Object.values(beforeRestart)) {
        expect(count).toBeLessThan(acknowledged.size);
      }

      const second = suite.start({ HOOKGATE_CONFIG: config });
      await waitUntilHealthy(second, port);
      const missingOn = async () => {
        const missing: Record<string, number> = {};
        for (const [kind, fixture] of Object.entries(brokers)) {
          const { ids } = byId(await fixture.received());
          missing[kind] = [...acknowledged].filter((id) => !ids.has(id)).length;
        }
        return missing;
      };
      const deadline = Date.now() + 60_000;
      let missing = await missingOn();
      while (Object.values(missing).some((n) => n > 0) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        missing = await missingOn();
      }
      expect(missing).toEqual({ nats: 0, amqp: 0, redis: 0 });

      for (const [kind, fixture] of Object.entries(brokers)) {
        const received = await fixture.received();
        const { ids, repeated } = byId(received);
        // Beyond the acknowledged ones, only deliveries whose answer the kill cut off.
        const extra = [...ids].filter((id) => !acknowledged.has(id));
        for (const id of extra) {
          const res = await fetch(`http://127.0.0.1:${port}/admin/deliveries/${id}`, {
            headers: { authorization: `Bearer ${ADMIN}` },
          });
          expect(res.status).toBe(200);
        }
        process.stdout.write(
          `kill -9 ${kind}: acknowledged ${acknowledged.size}, on the broker before the restart ${beforeRestart[kind]}, messages ${received.length}, unique ids ${ids.size} (stored but unanswered ${extra.length}), ids more than once ${repeated.length}\n`,
        );
      }
      const output = first.output() + second.output();
      expect(output).toContain('Broker nats://127.0.0.1:4222 connected');
      for (const secret of [NATS_TOKEN, REDIS_PASSWORD, 'guest:guest']) {
        expect(output).not.toContain(secret);
      }
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      await Promise.all(Object.values(brokers).map((fixture) => fixture.remove()));
    }
  }, 180_000);
});
