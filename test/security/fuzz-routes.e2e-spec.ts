import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { createAwsSnsReceiver } from '../../src/receivers/aws-sns/aws-sns.receiver';
import { RECEIVERS } from '../../src/receivers/receivers';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { sendRaw, serializeRequest, type RawExchange } from '../helpers/fuzz-raw-http';
import { EDGE_STATUSES } from '../helpers/fuzz-requests';
import { ROUTE_ENDPOINTS, ROUTES_NOT_FUZZED } from '../helpers/fuzz-route-endpoints';
import { routeRequests } from '../helpers/fuzz-routes';
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

/**
 * Receivers that can fetch (AWS SNS's certificate and SubscribeURL) get a fetcher that never
 * touches the network and counts its calls: no generated request may get that far.
 */
const fetched: string[] = [];
const OFFLINE_RECEIVERS = RECEIVERS.map((receiver) =>
  receiver.name === 'aws-sns'
    ? createAwsSnsReceiver({
        fetch: (url) => {
          fetched.push(url);
          return Promise.reject(new Error('the fuzz suite has no network'));
        },
      })
    : receiver,
);

describe('fuzzed requests on every provider route', () => {
  let t: TestApp;
  let port: number;
  let dataSource: DataSource;
  let entities: StoreEntitiesRef;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ dispatch: { enabled: false }, endpoints: [...ROUTE_ENDPOINTS] }),
      { receivers: OFFLINE_RECEIVERS },
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
    'without the secret nothing is stored or acknowledged, nothing answers 5xx',
    async () => {
      const before = await dataSource.getRepository(entities.Delivery).count();
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(routeRequests(ROUTES), async (req) => {
          const res = await sendRaw(port, serializeRequest(req));
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          const what = `${req.method} ${String(req.path)} → ${res.status} ${res.body.toString().slice(0, 200)}`;
          // Asana's handshake POST is answered 403 once a secret is kept.
          const asanaHandshake =
            String(req.path).startsWith('/webhooks/asana/') &&
            req.headers.some(([name]) => name.toLowerCase() === 'x-hook-secret');
          // 403: a handshake whose own check failed (Meta's verify token on GET, Asana's secret).
          const handshakeRefused = res.status === 403 && (req.method === 'GET' || asanaHandshake);
          if (!(EDGE_STATUSES as readonly number[]).includes(res.status) && !handshakeRefused) {
            throw new Error(what);
          }
          // A 200 may answer an unsigned handshake (Asana's, WooCommerce's ping, Notion's token,
          // a GET challenge), never acknowledge a stored delivery.
          if (res.status === 200 && acknowledgesDelivery(res)) throw new Error(`accepted: ${what}`);
        }),
        { numRuns: RUNS || 1500, ...seed },
      );
      const figures = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
      process.stdout.write(`fuzz routes: ${ROUTES.length} routes, statuses ${figures.join(' ')}\n`);
      expect(await dataSource.getRepository(entities.Delivery).count()).toBe(before);
      // The generator reaches the verifiers, not only the edge's refusals.
      expect(statuses.get(401)).toBeGreaterThan(0);
      expect(fetched).toEqual([]);
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
    expect(acknowledgesDelivery(res)).toBe(true);
  });
});

/** Whether an answer acknowledges a stored delivery (its gateway id in the body or a header). */
function acknowledgesDelivery(res: RawExchange): boolean {
  if (res.headers['x-hookgate-delivery-id']) return true;
  try {
    return typeof JSON.parse(res.body.toString()).id === 'string';
  } catch {
    return false;
  }
}
