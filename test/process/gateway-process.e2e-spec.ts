import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { githubHeaders } from '../helpers/github';
import { freePort, gatewayProcessSuite, waitUntilHealthy } from '../helpers/gateway-process';

const SECRET = 'process-test-secret';
const ADMIN = 'process-test-admin-token';

/**
 * The built gateway as a real process: "a 2xx means committed" must survive kill -9, and a bad
 * config must stop start-up with the field named.
 */
describe('gateway process', () => {
  const suite = gatewayProcessSuite('hookgate-process-');

  function writeConfig(name: string, text: string): string {
    const path = join(suite.dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('keeps every acknowledged delivery across kill -9 and restart', async () => {
    const port = await freePort();
    const config = writeConfig(
      'crash.yaml',
      [
        `port: ${port}`,
        `database: { url: "sqlite:${join(suite.dir, 'crash.sqlite')}" }`,
        'admin: { token: "${ADMIN_TOKEN}" }',
        'endpoints:',
        '  - { provider: github, id: crash, secrets: ["${GITHUB_SECRET}"] }',
      ].join('\n'),
    );
    const env = {
      HOOKGATE_CONFIG: config,
      NODE_ENV: 'production',
      GITHUB_SECRET: SECRET,
      ADMIN_TOKEN: ADMIN,
    };
    const first = suite.start(env);
    await waitUntilHealthy(first, port);

    // Eight concurrent senders until the process dies under them.
    const acknowledged = new Map<string, string>(); // X-GitHub-Delivery -> gateway id
    let refused = 0;
    let sent = 0;
    let killed = false;
    const sender = async (worker: number) => {
      for (let i = 0; !killed; i++) {
        const delivery = `crash-${worker}-${i}`;
        const body = JSON.stringify({
          ref: 'refs/heads/main',
          n: i,
          worker,
          padding: 'x'.repeat(2000),
        });
        sent++;
        try {
          const res = await fetch(`http://127.0.0.1:${port}/webhooks/github/crash`, {
            method: 'POST',
            headers: githubHeaders(SECRET, body, 'push', delivery),
            body,
          });
          if (res.status === 200)
            acknowledged.set(delivery, ((await res.json()) as { id: string }).id);
          else refused++;
        } catch {
          refused++;
          if (killed) return;
        }
      }
    };
    const senders = Array.from({ length: 8 }, (_, w) => sender(w));
    while (acknowledged.size < 400) await new Promise((r) => setTimeout(r, 10));
    first.child.kill('SIGKILL');
    killed = true;
    await first.exited;
    await Promise.all(senders);
    expect(acknowledged.size).toBeGreaterThanOrEqual(400);

    const second = suite.start(env);
    await waitUntilHealthy(second, port);
    const stored = new Map<string, string>();
    let cursor: string | null = null;
    do {
      const page = (await (
        await fetch(
          `http://127.0.0.1:${port}/admin/deliveries?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
          {
            headers: { authorization: `Bearer ${ADMIN}` },
          },
        )
      ).json()) as {
        items: { id: string; providerDeliveryId: string }[];
        nextCursor: string | null;
      };
      for (const item of page.items) stored.set(item.providerDeliveryId, item.id);
      cursor = page.nextCursor;
    } while (cursor);

    const missing = [...acknowledged].filter(([delivery, id]) => stored.get(delivery) !== id);
    // Figures for the notes: sent, acknowledged, refused or cut off by the kill, stored.
    process.stdout.write(
      `kill -9 test: sent ${sent}, acknowledged ${acknowledged.size}, refused/cut ${refused}, stored after restart ${stored.size}, missing ${missing.length}\n`,
    );
    expect(missing).toEqual([]);
    // Nothing is stored twice, and nothing unacknowledged is invented.
    expect(stored.size).toBeLessThanOrEqual(sent);
    // SIGTERM: Nest closes the app (and the store), then lets the signal end the process.
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe('SIGTERM');
  }, 120_000);

  it('finishes runs that were in flight at kill -9 after a restart: every acknowledged delivery is forwarded at least once', async () => {
    // Downstream: answers 200 after 100 ms, so runs are in flight when the gateway dies.
    const forwarded = new Map<string, number>(); // webhook-id -> times received
    const downstream = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        setTimeout(() => {
          const id = String(req.headers['webhook-id']);
          forwarded.set(id, (forwarded.get(id) ?? 0) + 1);
          res.writeHead(200).end();
        }, 100),
      );
    });
    await new Promise<void>((r) => downstream.listen(0, '127.0.0.1', r));
    const downstreamPort = (downstream.address() as AddressInfo).port;
    const port = await freePort();
    const config = writeConfig(
      'dispatch.yaml',
      [
        `port: ${port}`,
        `database: { url: "sqlite:${join(suite.dir, 'dispatch.sqlite')}" }`,
        `admin: { token: "${ADMIN}" }`,
        'dispatch: { concurrency: 4, timeoutMs: 2000, leaseMs: 3000, pollIntervalMs: 100 }',
        'endpoints:',
        `  - { provider: github, id: fwd, secrets: ["${SECRET}"], forward: [{ url: "http://127.0.0.1:${downstreamPort}/in" }] }`,
      ].join('\n'),
    );
    try {
      const first = suite.start({ HOOKGATE_CONFIG: config });
      await waitUntilHealthy(first, port);
      const acknowledged = new Set<string>();
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const body = JSON.stringify({ ref: 'refs/heads/main', i });
          const res = await fetch(`http://127.0.0.1:${port}/webhooks/github/fwd`, {
            method: 'POST',
            headers: githubHeaders(SECRET, body, 'push', `fwd-${i}`),
            body,
          });
          if (res.status === 200) acknowledged.add(((await res.json()) as { id: string }).id);
        }),
      );
      while (forwarded.size < 8) await new Promise((r) => setTimeout(r, 10));
      first.child.kill('SIGKILL');
      await first.exited;
      const beforeRestart = forwarded.size;
      expect(beforeRestart).toBeLessThan(acknowledged.size);

      const second = suite.start({ HOOKGATE_CONFIG: config });
      await waitUntilHealthy(second, port);
      const deadline = Date.now() + 60_000;
      while ([...acknowledged].some((id) => !forwarded.has(id)) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
      }
      const missing = [...acknowledged].filter((id) => !forwarded.has(id));
      // Runs the dead process had in flight come back after their lease: wait for all to settle.
      const succeeded = async () =>
        (
          (await (
            await fetch(`http://127.0.0.1:${port}/admin/deliveries?status=succeeded&limit=500`, {
              headers: { authorization: `Bearer ${ADMIN}` },
            })
          ).json()) as { items: unknown[] }
        ).items.length;
      while ((await succeeded()) < acknowledged.size && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await succeeded()).toBe(acknowledged.size);
      const duplicates = [...forwarded.values()].filter((n) => n > 1).length;
      process.stdout.write(
        `kill -9 dispatch test: acknowledged ${acknowledged.size}, forwarded before kill ${beforeRestart}, after restart ${forwarded.size}, forwarded twice ${duplicates}, missing ${missing.length}\n`,
      );
      expect(acknowledged.size).toBe(60);
      expect(missing).toEqual([]);
      second.child.kill('SIGTERM');
      await second.exited;
    } finally {
      downstream.close();
    }
  }, 120_000);

  it.each([
    [
      'an unknown provider',
      'endpoints: [{ provider: myspace, id: a, secrets: [s] }]',
      /endpoints\[0\]\.provider "myspace"/,
    ],
    [
      'a missing variable',
      'endpoints: [{ provider: github, id: a, secrets: ["${NOT_SET_ANYWHERE}"] }]',
      /NOT_SET_ANYWHERE is not set/,
    ],
    ['a bad field', 'port: -1\nendpoints: [{ provider: github, id: a, secrets: [s] }]', /port/],
    [
      'a broker target without its subject',
      'endpoints: [{ provider: github, id: a, secrets: [s], forward: [{ url: "nats://u:pw@h:4222" }] }]',
      /endpoints\[0\]\.forward\[0\]\.subject is required/,
    ],
  ])('refuses to start with %s (exit 78, field named)', async (_case, text, message) => {
    const gateway = suite.start({
      HOOKGATE_CONFIG: writeConfig(`bad-${Math.random()}.yaml`, text),
    });
    expect(await gateway.exited).toBe(78);
    expect(gateway.output()).toMatch(message);
  });

  it('refuses to start in production on the development config', async () => {
    const gateway = suite.start({ NODE_ENV: 'production', HOOKGATE_CONFIG: '' });
    expect(await gateway.exited).toBe(78);
    expect(gateway.output()).toMatch(/HOOKGATE_CONFIG is not set/);
  });
});
