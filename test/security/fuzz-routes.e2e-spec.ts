import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { RECEIVERS } from '../../src/receivers/receivers';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { sendRaw, serializeRequest } from '../helpers/fuzz-raw-http';
import { EDGE_STATUSES } from '../helpers/fuzz-requests';
import { isPostHandshake } from '../helpers/fuzz-post-handshakes';
import { ROUTE_ENDPOINTS, ROUTES_NOT_FUZZED, routeRequests } from '../helpers/fuzz-routes';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

/** See fuzz.e2e-spec.ts: `npm run fuzz` runs many more cases, FUZZ_SEED replays one. */
const RUNS = Number(process.env.FUZZ_RUNS) || 0;
const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
const perCaseTimeout = RUNS ? Math.max(60_000, RUNS * 20) : 60_000;

/** `/webhooks/<name or alias>/<id>` for every configured endpoint. */
const ROUTES = ROUTE_ENDPOINTS.flatMap((endpoint) => {
  const receiver = RECEIVERS.find((r) => r.name === endpoint.provider)!;
  return [receiver.name, ...(receiver.aliases ?? [])].map(
    (name) => `/webhooks/${name}/${endpoint.id}`,
  );
});

describe('fuzzed requests on every provider route', () => {
  let t: TestApp;
  let port: number;
  let dataSource: DataSource;
  let entities: StoreEntitiesRef;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ dispatch: { enabled: false }, endpoints: [...ROUTE_ENDPOINTS] }),
    );
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
    entities = t.app.get(StoreEntitiesRef);
  });
  afterAll(() => t?.close());

  it('covers every registered provider, or says why not', () => {
    const fuzzed = new Set(ROUTE_ENDPOINTS.map((endpoint) => endpoint.provider));
    const missing = RECEIVERS.map((r) => r.name).filter(
      (name) => !fuzzed.has(name) && !(name in ROUTES_NOT_FUZZED),
    );
    expect(missing).toEqual([]);
  });

  it(
    'without the secret nothing is stored, only handshakes answer 200, nothing answers 5xx',
    async () => {
      const before = await dataSource.getRepository(entities.Delivery).count();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(routeRequests(ROUTES), async (req) => {
          const res = await sendRaw(port, serializeRequest(req));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const what = `${req.method} ${String(req.path)} → ${res.status} ${res.body.toString().slice(0, 200)}`;
          // 403: a handshake whose own check failed (Meta's verify token), on GET only.
          const handshakeRefused = res.status === 403 && req.method === 'GET';
          if (!(EDGE_STATUSES as readonly number[]).includes(res.status) && !handshakeRefused) {
            throw new Error(what);
          }
          // GET and HEAD reach only unsigned handshakes (Dropbox's challenge, Trello's HEAD); a
          // POST only the few answered by the exact handshake reply (isPostHandshake).
          if (
            res.status === 200 &&
            req.method === 'POST' &&
            !isPostHandshake(String(req.path), res.body)
          ) {
            throw new Error(`accepted: ${what}`);
          }
        }),
        { numRuns: RUNS || 1500, ...seed },
      );
      const figures = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
      process.stdout.write(`fuzz routes: ${ROUTES.length} routes, statuses ${figures.join(' ')}\n`);
      expect(await dataSource.getRepository(entities.Delivery).count()).toBe(before);
      // The generator reaches the verifiers, not only the edge's refusals.
      expect(statuses.get(401)).toBeGreaterThan(0);
      const health = await sendRaw(
        port,
        serializeRequest({ method: 'GET', path: '/health', headers: [] }),
      );
      expect(health.status).toBe(200);
    },
    perCaseTimeout,
  );

  it('a request with the secret is accepted (the oracle can see an acceptance)', async () => {
    const token = ROUTE_ENDPOINTS.find((endpoint) => endpoint.id === 'r-token')!;
    const res = await sendRaw(
      port,
      serializeRequest({
        method: 'POST',
        path: '/webhooks/token/r-token',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-Api-Key', (token.secrets as string[])[0]],
        ],
        body: Buffer.from('{"ok":true}'),
      }),
    );
    expect(res.status).toBe(200);
  });
});
