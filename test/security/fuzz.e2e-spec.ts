import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { auth } from '../helpers/dispatch';
import { githubSignature } from '../helpers/github';
import {
  sendRaw,
  serializeRequest,
  type RawExchange,
  type RawRequest,
} from '../helpers/fuzz-raw-http';
import {
  anyRequests,
  EDGE_STATUSES,
  githubRequests,
  headBytes,
  nested,
  NODE_MAX_HEADER_BYTES,
} from '../helpers/fuzz-requests';
import { createTestApp, testConfig, type TestApp } from '../helpers/test-app';

const SECRET = 'github-test-secret';

/**
 * Cases per property. `npm test` runs a bounded number (the file stays well under 30 s);
 * `npm run fuzz` (FUZZ_RUNS=20000) runs many more. FUZZ_SEED replays a failure.
 */
const RUNS = Number(process.env.FUZZ_RUNS) || 0;
const runs = (inCi: number) => RUNS || inCi;
const seed = process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {};
const perCaseTimeout = RUNS ? Math.max(60_000, RUNS * 20) : 30_000;

/** Every status seen, for the figures in SECURITY.md. */
const seen = new Map<number, number>();
let cases = 0;

describe('fuzzed input at the edge', () => {
  let t: TestApp;
  let port: number;
  let dataSource: DataSource;
  let entities: StoreEntitiesRef;
  /** Gateway ids the edge acknowledged with 200 (must all be stored, and nothing else). */
  const acknowledged = new Set<string>();

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        http: { maxBodyBytes: 1024 * 1024 },
        dispatch: { enabled: false },
        endpoints: [
          { provider: 'github', id: 'acme', secrets: [SECRET] },
          { provider: 'gitlab', id: 'gl', secrets: ['gitlab-token-0123456789'] },
          { provider: 'stripe', id: 'st', secrets: ['whsec_fuzz'] },
          { provider: 'slack', id: 'sl', secrets: ['slack-secret'] },
          { provider: 'dropbox', id: 'db', secrets: ['dropbox-secret'] },
          {
            provider: 'trello',
            id: 'tr',
            secrets: ['trello-secret'],
            publicUrl: 'https://hooks.example.com/webhooks/trello/tr',
          },
          {
            provider: 'standard-webhooks',
            id: 'sw',
            secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
          },
          { provider: 'bitbucket', id: 'bb', secrets: ['bitbucket-secret'] },
          { provider: 'shopify', id: 'sh', secrets: ['shopify-secret'] },
          {
            provider: 'twilio',
            id: 'tw',
            secrets: ['twilio-token'],
            publicUrl: 'https://hooks.example.com/webhooks/twilio/tw',
          },
        ],
      }),
    );
    const server = t.app.getHttpServer() as Server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
    entities = t.app.get(StoreEntitiesRef);
  });

  afterAll(async () => {
    const figures = [...seen].sort(([a], [b]) => a - b).map(([s, n]) => `${s}:${n}`);
    process.stdout.write(`fuzz: ${cases} requests, statuses ${figures.join(' ')}\n`);
    await t?.close();
  });

  async function exchange(req: RawRequest): Promise<RawExchange> {
    const res = await sendRaw(port, serializeRequest(req));
    cases++;
    seen.set(res.status, (seen.get(res.status) ?? 0) + 1);
    return res;
  }

  /** The status is one DESIGN §3 lists; Node's own 431/417 only where Node itself answers. */
  function expectContractStatus(req: RawRequest, res: RawExchange): void {
    if (res.status === 431 && headBytes(req) > NODE_MAX_HEADER_BYTES) return;
    const expect417 = req.headers.some(
      ([name, value]) => /^expect$/i.test(name) && String(value).toLowerCase() !== '100-continue',
    );
    if (res.status === 417 && expect417) return;
    if (!(EDGE_STATUSES as readonly number[]).includes(res.status)) {
      throw new Error(
        `status ${res.status} for ${req.method} ${String(req.path).slice(0, 200)}: ${res.body.toString().slice(0, 300)}`,
      );
    }
  }

  async function expectHealthy(): Promise<void> {
    const res = await sendRaw(
      port,
      serializeRequest({ method: 'GET', path: '/health', headers: [] }),
    );
    expect(res.status).toBe(200);
  }

  /** Every stored row is a github delivery whose stored signature matches its stored bytes. */
  async function expectStoreHoldsOnlySignedDeliveries(): Promise<void> {
    const rows = await dataSource.getRepository(entities.Delivery).find();
    const bodies = await dataSource.getRepository(entities.DeliveryBody).find();
    const bodyOf = new Map(bodies.map((body) => [body.deliveryId, body.rawBody]));
    for (const row of rows) {
      expect([row.provider, row.endpoint]).toEqual(['github', 'acme']);
      const expected = Buffer.from(githubSignature(SECRET, bodyOf.get(row.id) ?? Buffer.alloc(0)));
      const stored = Buffer.from(row.headers['x-hub-signature-256'] ?? '');
      expect(stored.length === expected.length && timingSafeEqual(stored, expected)).toBe(true);
    }
    const storedIds = new Set(rows.map((row) => row.id));
    expect([...acknowledged].filter((id) => !storedIds.has(id))).toEqual([]);
  }

  it(
    'github endpoint: signed or not, malformed or not, the answer is in the contract and only signed bytes are stored',
    async () => {
      let sinceHealth = 0;
      await fc.assert(
        fc.asyncProperty(githubRequests(SECRET), async (req) => {
          const res = await exchange(req);
          expectContractStatus(req, res);
          if (res.status === 200) {
            expect(req.signed).toBe(true);
            acknowledged.add(JSON.parse(res.body.toString()).id);
          }
          if (++sinceHealth % 50 === 0) await expectHealthy();
        }),
        { numRuns: runs(600), ...seed },
      );
      await expectHealthy();
      await expectStoreHoldsOnlySignedDeliveries();
      expect(acknowledged.size).toBeGreaterThan(0); // the generator does reach the store
    },
    perCaseTimeout,
  );

  it(
    'signed random bytes reach the parsers: 400 or 200, never 401 or 5xx',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 4096 }).map((b) => Buffer.from(b)),
          fc.constantFrom('application/json', 'application/x-www-form-urlencoded'),
          async (body, contentType) => {
            const req: RawRequest = {
              method: 'POST',
              path: '/webhooks/github/acme',
              headers: [
                ['Content-Type', contentType],
                ['X-GitHub-Event', 'push'],
                ['X-Hub-Signature-256', githubSignature(SECRET, body)],
              ],
              body,
            };
            const res = await exchange(req);
            expect([200, 400]).toContain(res.status);
            if (res.status === 200) acknowledged.add(JSON.parse(res.body.toString()).id);
          },
        ),
        { numRuns: runs(300), ...seed },
      );
      await expectHealthy();
      await expectStoreHoldsOnlySignedDeliveries();
    },
    perCaseTimeout,
  );

  it(
    'any method, path, headers and body on any route: contract statuses, nothing stored',
    async () => {
      const before = await dataSource.getRepository(entities.Delivery).count();
      let sinceHealth = 0;
      await fc.assert(
        fc.asyncProperty(anyRequests, async (req) => {
          const res = await exchange(req);
          expectContractStatus(req, res);
          // Only handshakes (Dropbox GET ?challenge=, Trello HEAD) may answer 200 unsigned.
          if (res.status === 200) expect(['GET', 'HEAD']).toContain(req.method);
          if (++sinceHealth % 50 === 0) await expectHealthy();
        }),
        { numRuns: runs(600), ...seed },
      );
      await expectHealthy();
      expect(await dataSource.getRepository(entities.Delivery).count()).toBe(before);
    },
    perCaseTimeout,
  );

  it.each([
    ['100k nested arrays', nested(100_000, false)],
    ['100k nested objects', nested(100_000, true)],
  ])(
    'signed %s: stored or refused with 400, and the admin API can still show it',
    async (_name, body) => {
      const req: RawRequest = {
        method: 'POST',
        path: '/webhooks/github/acme',
        headers: [
          ['Content-Type', 'application/json'],
          ['X-GitHub-Event', 'push'],
          ['X-Hub-Signature-256', githubSignature(SECRET, body)],
        ],
        body,
      };
      const res = await exchange(req);
      expect([200, 400]).toContain(res.status);
      await expectHealthy();
      if (res.status !== 200) return;
      const { id } = JSON.parse(res.body.toString());
      acknowledged.add(id);
      // The operator must be able to inspect what the edge accepted: never a 5xx here either.
      // BUG (src/receivers/shared/body.ts, not this file's to fix): JSON nested deeper than ~4000
      // levels parses, is stored, then JSON.stringify overflows the stack when the admin API (or a
      // forward) serializes it: 500. Fix: refuse nesting deeper than 512 levels with 400 in
      // parseJsonBody, before storing. See the report.
      const detail = await t.http().get(`/admin/deliveries/${id}`).set(auth);
      expect(detail.status).toBeLessThan(500);
      await expectStoreHoldsOnlySignedDeliveries();
    },
  );

  it('an HMAC over different bytes is never accepted (sanity check of the oracle)', async () => {
    const body = Buffer.from('{"zen":"x"}');
    const other = createHmac('sha256', SECRET).update('{"zen":"y"}').digest('hex');
    const res = await exchange({
      method: 'POST',
      path: '/webhooks/github/acme',
      headers: [
        ['Content-Type', 'application/json'],
        ['X-GitHub-Event', 'ping'],
        ['X-Hub-Signature-256', `sha256=${other}`],
      ],
      body,
    });
    expect(res.status).toBe(401);
  });
});
