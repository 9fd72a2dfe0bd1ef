import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { githubHeaders } from '../helpers/github';
import { deliveryDetail, waitForRun } from '../helpers/dispatch';
import {
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
  waitFor,
} from '../helpers/test-app';

const SECRET = 'github-test-secret';
const FORWARD_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

interface Received {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  verified: unknown;
}

/** A downstream service that verifies Hookgate's forwards with the standardwebhooks library. */
function startReceiver(
  answer: (path: string, count: number) => { status: number; headers?: Record<string, string> },
) {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const verifier = new Webhook(FORWARD_SECRET);
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      let verified: unknown = null;
      try {
        verified = verifier.verify(body, req.headers as Record<string, string>);
      } catch {
        verified = null;
      }
      const path = req.url ?? '';
      const count = (counts.get(path) ?? 0) + 1;
      counts.set(path, count);
      received.push({ path, headers: req.headers, body, verified });
      const { status, headers } = answer(path, count);
      res.writeHead(status, headers).end();
    });
  });
  return new Promise<{ server: Server; port: number; received: Received[] }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, port: (server.address() as AddressInfo).port, received }),
    ),
  );
}

describe('HTTP forwarding', () => {
  let t: TestApp;
  let downstream: Awaited<ReturnType<typeof startReceiver>>;
  const clock = new ManualClock(new Date());
  const handler = (path: string) => `forward:acme:http://127.0.0.1:${downstream.port}${path}`;

  beforeAll(async () => {
    downstream = await startReceiver((path, count) => {
      if (path === '/flaky') return { status: count === 1 ? 503 : 200 };
      if (path === '/gone') return { status: 410 };
      if (path === '/busy') return { status: 429, headers: { 'retry-after': '120' } };
      return { status: 200 };
    });
    const base = `http://127.0.0.1:${downstream.port}`;
    t = await createTestApp(
      testConfig({
        dispatch: {
          pollIntervalMs: 20,
          retry: { maxAttempts: 5, initialDelayMs: 1000, maxDelayMs: 600_000 },
        },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: [SECRET],
            forward: [
              { url: `${base}/flaky`, secret: FORWARD_SECRET },
              { url: `${base}/gone`, secret: FORWARD_SECRET },
              { url: `${base}/busy`, secret: FORWARD_SECRET },
            ],
          },
        ],
      }),
      { clock },
    );
  });
  afterAll(async () => {
    await t.close();
    downstream.server.close();
  });

  it('signs the envelope with Standard Webhooks headers; 503 then 200 delivers once after a retry; 410 is dead; Retry-After is honoured', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main', commits: [] });
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push', 'fwd-1'),
      body,
    );
    const id: string = res.body.id;

    // /gone: one attempt, dead, never retried.
    const gone = await waitForRun(t, id, handler('/gone'), (r) => r.status === 'dead');
    expect(gone.attempts).toBe(1);
    expect(gone.lastError).toContain('410');

    // /busy: 429 with Retry-After: 120 → next attempt exactly 120 s later (not the 1 s backoff).
    const busy = await waitForRun(t, id, handler('/busy'), (r) => r.status === 'failed');
    expect(new Date(busy.nextAttemptAt!).getTime() - clock.now().getTime()).toBe(120_000);

    // /flaky: the first attempt got 503; after the backoff it is delivered.
    await waitForRun(t, id, handler('/flaky'), (r) => r.status === 'failed' && r.attempts === 1);
    clock.advance(1000);
    const flaky = await waitForRun(t, id, handler('/flaky'), (r) => r.status === 'succeeded');
    expect(flaky.attempts).toBe(2);

    const accepted = downstream.received.filter((r) => r.path === '/flaky');
    expect(accepted).toHaveLength(2);
    for (const request of accepted) {
      expect(request.verified).not.toBeNull();
      expect(request.headers['webhook-id']).toBe(id);
      expect(request.headers['content-type']).toBe('application/json');
    }
    expect(JSON.parse(accepted[1].body)).toEqual({
      id,
      provider: 'github',
      endpoint: 'acme',
      type: 'push',
      providerDeliveryId: 'fwd-1',
      receivedAt: expect.any(String),
      payload: { ref: 'refs/heads/main', commits: [] },
    });
    expect(downstream.received.filter((r) => r.path === '/gone')).toHaveLength(1);
    expect((await deliveryDetail(t, id)).status).toBe('failed'); // /busy still waits
    clock.advance(120_000);
    await waitForRun(t, id, handler('/busy'), (r) => r.attempts === 2 && r.status === 'failed');
    await waitFor(() => downstream.received.filter((r) => r.path === '/busy').length === 2);
  });

  it('a tampered forward does not verify downstream (the signature is real)', () => {
    const sample = downstream.received.find((r) => r.path === '/flaky')!;
    const verifier = new Webhook(FORWARD_SECRET);
    expect(() =>
      verifier.verify(
        sample.body.replace('main', 'evil'),
        sample.headers as Record<string, string>,
      ),
    ).toThrow();
  });
});

describe('HTTP forwarding: a run that times out cancels its forward', () => {
  let t: TestApp;
  let server: Server;
  let port = 0;
  /** What the hanging target saw of each request: it arrived, then its connection closed. */
  const seen: { arrived: number; closedBeforeAnswer: number } = {
    arrived: 0,
    closedBeforeAnswer: 0,
  };

  beforeAll(async () => {
    // Never answers: only the gateway can end these requests.
    server = createServer((req, res) => {
      seen.arrived += 1;
      req.resume();
      res.on('close', () => {
        if (!res.writableEnded) seen.closedBeforeAnswer += 1;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    t = await createTestApp(
      testConfig({
        dispatch: {
          pollIntervalMs: 20,
          timeoutMs: 300,
          retry: { maxAttempts: 1 },
        },
        endpoints: [
          {
            provider: 'github',
            id: 'acme',
            secrets: [SECRET],
            // The target's own timeout is far longer: the run's must be the one that ends it.
            forward: [{ url: `http://127.0.0.1:${port}/hang`, timeoutMs: 60_000 }],
          },
        ],
      }),
    );
  });
  afterAll(async () => {
    await t.close();
    server.closeAllConnections();
    server.close();
  });

  it('aborts the request when dispatch.timeoutMs runs out, instead of letting it finish behind a retry', async () => {
    const body = JSON.stringify({ ref: 'refs/heads/main' });
    const res = await postRaw(
      t,
      '/webhooks/github/acme',
      githubHeaders(SECRET, body, 'push', 'fwd-hang'),
      body,
    );
    const run = await waitForRun(
      t,
      res.body.id,
      `forward:acme:http://127.0.0.1:${port}/hang`,
      (r) => r.status === 'dead',
    );
    expect(run.lastError).toContain('timed out after 300 ms');
    await waitFor(() => seen.closedBeforeAnswer === 1);
    expect(seen.arrived).toBe(1);
  });
});
