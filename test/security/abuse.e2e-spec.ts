import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countClosed, memoryOf, openIdleSockets, trickle } from '../helpers/abuse-clients';
import {
  buildGateway,
  freePort,
  startGateway,
  waitUntilHealthy,
  type GatewayProcess,
} from '../helpers/gateway-process';
import { githubHeaders } from '../helpers/github';

const SECRET = 'abuse-test-secret';
const ADMIN = 'abuse-test-admin-token';
const HEADERS_TIMEOUT_MS = 1500;
const REQUEST_TIMEOUT_MS = 3000;
const KEEP_ALIVE_TIMEOUT_MS = 1000;
const MAX_BODY_BYTES = 1024 * 1024;
/** How late after its deadline the server may close a slow client (timer granularity, load). */
const SLACK_MS = 1500;

/**
 * Abusive clients against the built gateway process, with small timeouts: slow headers, slow
 * bodies, idle connections, oversized bodies sent slowly, wrong methods. Memory is read from
 * /proc for the figures in SECURITY.md.
 */
describe('abusive clients (gateway process)', () => {
  let build: ReturnType<typeof buildGateway>;
  let dir: string;
  let gateway: GatewayProcess;
  let port: number;
  let peakMiB = 0;
  const url = () => `http://127.0.0.1:${port}/webhooks/github/acme`;

  beforeAll(async () => {
    build = buildGateway();
    dir = mkdtempSync(join(tmpdir(), 'hookgate-abuse-'));
    port = await freePort();
    const config = join(dir, 'abuse.yaml');
    writeFileSync(
      config,
      [
        `port: ${port}`,
        `database: { url: "sqlite:${join(dir, 'abuse.sqlite')}" }`,
        `admin: { token: "${ADMIN}" }`,
        `http: { maxBodyBytes: ${MAX_BODY_BYTES}, headersTimeoutMs: ${HEADERS_TIMEOUT_MS}, requestTimeoutMs: ${REQUEST_TIMEOUT_MS}, keepAliveTimeoutMs: ${KEEP_ALIVE_TIMEOUT_MS} }`,
        'endpoints:',
        `  - { provider: github, id: acme, secrets: ["${SECRET}"] }`,
      ].join('\n'),
    );
    gateway = startGateway(build.main, { HOOKGATE_CONFIG: config });
    await waitUntilHealthy(gateway, port);
  }, 120_000);

  afterAll(async () => {
    if (gateway?.child.pid && gateway.child.exitCode === null) {
      peakMiB = memoryOf(gateway.child.pid).peakMiB;
      process.stdout.write(`abuse: gateway peak RSS (VmHWM) ${peakMiB.toFixed(1)} MiB\n`);
      gateway.child.kill('SIGKILL');
      await gateway.exited;
    }
    build?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function sendValidDelivery(): Promise<number> {
    const body = JSON.stringify({ ref: 'refs/heads/main', at: Date.now() });
    const res = await fetch(url(), {
      method: 'POST',
      headers: githubHeaders(SECRET, body, 'push'),
      body,
      signal: AbortSignal.timeout(10_000),
    });
    return res.status;
  }

  function expectAlive(): void {
    expect(gateway.child.exitCode).toBeNull();
  }

  it('slow headers (slowloris): the socket is closed once headersTimeoutMs has passed', async () => {
    const head = 'POST /webhooks/github/acme HTTP/1.1\r\nHost: 127.0.0.1\r\n';
    // One header byte every 200 ms, never finishing the head; give up after 40 s.
    const result = await trickle(port, head, () => 'x', 200, 40_000);
    process.stdout.write(
      `abuse: slow headers closed after ${result.closedAfterMs} ms (headersTimeoutMs ${HEADERS_TIMEOUT_MS}), status ${result.status}\n`,
    );
    // BUG (src/main.ts, not this file's to fix): Node only checks headersTimeout/requestTimeout
    // every `connectionsCheckingInterval` (30 s by default, armed when the server starts
    // listening), and applyServerTimeouts runs after listen() without lowering it: a slow client
    // holds its socket up to ~30 s, whatever headersTimeoutMs says. See the report.
    expect(result.closedAfterMs).not.toBeNull();
    expect(result.closedAfterMs!).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(result.closedAfterMs!).toBeLessThanOrEqual(HEADERS_TIMEOUT_MS + SLACK_MS);
    expectAlive();
  }, 60_000);

  it('slow body: the socket is closed once requestTimeoutMs has passed, nothing is stored', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/slow', padding: 'x'.repeat(400) });
    const headers = githubHeaders(SECRET, body, 'push', 'slow-body-delivery');
    const head =
      'POST /webhooks/github/acme HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      Object.entries({ ...headers, 'content-length': String(body.length) })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n';
    // One body byte every 100 ms: the whole body would take ~45 s.
    const result = await trickle(
      port,
      head,
      (i) => (i < body.length ? body[i] : null),
      100,
      40_000,
    );
    process.stdout.write(
      `abuse: slow body closed after ${result.closedAfterMs} ms (requestTimeoutMs ${REQUEST_TIMEOUT_MS}), status ${result.status}\n`,
    );
    expect(result.closedAfterMs).not.toBeNull();
    expect(result.closedAfterMs!).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(result.status === 0 || result.status === 408 || result.status === 400).toBe(true);
    const stored = await fetch(`http://127.0.0.1:${port}/admin/deliveries?type=push&limit=500`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    const items = ((await stored.json()) as { items: { providerDeliveryId: string }[] }).items;
    expect(items.map((i) => i.providerDeliveryId)).not.toContain('slow-body-delivery');
    expectAlive();
  }, 60_000);

  it('500 idle connections: valid deliveries are still served, the idle ones are closed', async () => {
    const before = memoryOf(gateway.child.pid!);
    const idle = await openIdleSockets(port, 500);
    try {
      const statuses = await Promise.all(Array.from({ length: 20 }, () => sendValidDelivery()));
      expect(statuses).toEqual(Array(20).fill(200));
      // Idle sockets never start a request: the headers timeout is what frees them (same
      // bug as the slowloris test while the checking interval stays at 30 s).
      const closed = await countClosed(idle, HEADERS_TIMEOUT_MS + SLACK_MS);
      const after = memoryOf(gateway.child.pid!);
      process.stdout.write(
        `abuse: ${closed}/500 idle sockets closed by the server; RSS ${before.rssMiB.toFixed(1)} -> ${after.rssMiB.toFixed(1)} MiB\n`,
      );
      expect(closed).toBe(500);
    } finally {
      for (const socket of idle) socket.destroy();
    }
    expectAlive();
  }, 60_000);

  it('an idle keep-alive connection is closed after keepAliveTimeoutMs', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/keepalive' });
    const headers = githubHeaders(SECRET, body, 'push');
    const request =
      'POST /webhooks/github/acme HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
      Object.entries({ ...headers, 'content-length': String(body.length) })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('') +
      '\r\n' +
      body;
    const result = await trickle(port, request, () => null, 1000, 20_000);
    expect(result.status).toBe(200);
    expect(result.closedAfterMs).not.toBeNull();
    expect(result.closedAfterMs! - (result.answeredAfterMs ?? 0)).toBeLessThanOrEqual(
      KEEP_ALIVE_TIMEOUT_MS + SLACK_MS,
    );
  }, 30_000);

  it('an oversized body sent slowly gets 413 early, and memory stays bounded', async () => {
    const baseline = memoryOf(gateway.child.pid!);
    // 20 clients, each trickling a chunked body of 64 KiB pieces every 20 ms (it would reach
    // 64 MiB): the answer must come once ~1 MiB has arrived, long before the end.
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    const piece = Buffer.concat([
      Buffer.from(`${chunk.length.toString(16)}\r\n`),
      chunk,
      Buffer.from('\r\n'),
    ]);
    const head =
      'POST /webhooks/github/acme HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
      'x-github-event: push\r\ntransfer-encoding: chunked\r\n\r\n';
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        trickle(port, head, (i) => (i < 1024 ? piece : null), 20, 30_000),
      ),
    );
    const slowest = Math.max(...results.map((r) => r.answeredAfterMs ?? Infinity));
    const mostSent = Math.max(...results.map((r) => r.bytesSent));
    const after = memoryOf(gateway.child.pid!);
    process.stdout.write(
      `abuse: chunked oversized bodies: 413 after at most ${slowest} ms, at most ${(mostSent / 1024 / 1024).toFixed(2)} MiB sent; RSS ${baseline.rssMiB.toFixed(1)} -> ${after.rssMiB.toFixed(1)} MiB, peak ${after.peakMiB.toFixed(1)} MiB\n`,
    );
    for (const r of results) expect(r.status).toBe(413);
    expect(slowest).toBeLessThan(5_000);
    // The server stops reading at the limit: nobody got to send much past it.
    expect(mostSent).toBeLessThan(8 * MAX_BODY_BYTES);
    expect(after.rssMiB - baseline.rssMiB).toBeLessThan(100);

    // A declared length over the limit is refused before any body byte is sent.
    const declared = await trickle(
      port,
      'POST /webhooks/github/acme HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n' +
        `x-github-event: push\r\ncontent-length: ${50 * 1024 * 1024}\r\n\r\n`,
      () => 'x',
      50,
      10_000,
    );
    process.stdout.write(`abuse: declared 50 MiB body: 413 after ${declared.answeredAfterMs} ms\n`);
    expect(declared.status).toBe(413);
    expect(declared.answeredAfterMs!).toBeLessThan(1000);
    expect(await sendValidDelivery()).toBe(200);
    expectAlive();
  }, 60_000);

  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'GET'])(
    '%s on a webhook URL: 405 with Allow',
    async (method) => {
      const res = await fetch(url(), { method, signal: AbortSignal.timeout(5_000) });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    },
  );
});
