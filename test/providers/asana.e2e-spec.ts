import { createHmac } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auth } from '../helpers/dispatch';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import { createTestApp, postRaw, testConfig, testDatabaseUrl, TestApp } from '../helpers/test-app';
import { adminGet } from './contract-client';

const URL = '/webhooks/asana/tasks';
const ENDPOINT = { provider: 'asana', id: 'tasks' };
const SECRET = 'b537207f20cbfa02357cf448134da559e8bd39d61597dcd5631b8012eae53e81';
const OTHER = '0f7e5ad1c2b3949a8e6d7c5b4a3928171605f4e3d2c1b0a9f8e7d6c5b4a39281';
const BODY = readFileSync(join(__dirname, '../../src/receivers/asana/fixtures/task-changed.json'));
const JSON_TYPE = { 'content-type': 'application/json' };

/** Asana's scheme, computed here: hex HMAC-SHA256 of the body under the handshake secret. */
const signed = (body: Buffer, secret = SECRET) => ({
  ...JSON_TYPE,
  'x-hook-signature': createHmac('sha256', secret).update(body).digest('hex'),
});
const handshake = (t: TestApp, secret: string) =>
  postRaw(t, URL, { 'x-hook-secret': secret }, Buffer.alloc(0));
const event = (n: number) =>
  Buffer.from(BODY.toString().replace('1209876543210987', `12098765432109${80 + n}`));

/** One store that outlives an app: a SQLite file, or a PostgreSQL schema of its own. */
async function lastingStoreUrl(): Promise<string> {
  const url = testDatabaseUrl();
  if (isPostgresUrl(url)) return isolatedSchemaUrl(url);
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hookgate-asana-')), 'store.sqlite')}`;
}

describe('Asana: the secret arrives in the handshake and is kept in the store', () => {
  let url: string;
  let t: TestApp;
  const app = () => createTestApp(testConfig({ database: { url }, endpoints: [ENDPOINT] }));

  beforeAll(async () => {
    url = await lastingStoreUrl();
    t = await app();
  });
  afterAll(() => t.close());

  it('refuses events before any handshake (no secret yet)', async () => {
    const res = await postRaw(t, URL, signed(BODY), BODY);
    expect(res.status).toBe(401);
  });

  it('answers the handshake 200 with X-Hook-Secret echoed, stores no delivery', async () => {
    const res = await handshake(t, SECRET);
    expect(res.status).toBe(200);
    expect(res.headers['x-hook-secret']).toBe(SECRET);
    const list = await adminGet(t, '/admin/deliveries?provider=asana');
    expect(list.body.items).toEqual([]);
  });

  it('verifies events with the kept secret; stores them typed, once', async () => {
    const first = await postRaw(t, URL, signed(event(1)), event(1));
    expect(first.status).toBe(200);
    const again = await postRaw(t, URL, signed(event(1)), event(1));
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    const stored = await adminGet(t, `/admin/deliveries/${first.body.id}`);
    expect(stored.body).toMatchObject({ provider: 'asana', type: 'task.changed' });
    expect(JSON.stringify(stored.body)).not.toContain(SECRET);
    expect((await postRaw(t, URL, signed(event(2), OTHER), event(2))).status).toBe(401);
  });

  it('answers a signed heartbeat (no events) 200 without storing it', async () => {
    const heartbeat = Buffer.from('{"events":[]}');
    const res = await postRaw(t, URL, signed(heartbeat), heartbeat);
    expect(res.status).toBe(200);
    const list = await adminGet(t, '/admin/deliveries?provider=asana');
    expect(list.body.items).toHaveLength(1);
  });

  it('repeats the same handshake (a retry), refuses another secret with 403', async () => {
    expect((await handshake(t, SECRET)).status).toBe(200);
    const other = await handshake(t, OTHER);
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('handshake-refused');
    expect(other.body.message).toMatch(/DELETE \/admin\/endpoints\/asana\/tasks\/handshake-secret/);
    expect(JSON.stringify(other.body)).not.toContain(OTHER);
    expect(other.headers['x-hook-secret']).toBeUndefined();
  });

  it('keeps the secret across a restart', async () => {
    await t.close();
    t = await app();
    expect((await postRaw(t, URL, signed(event(3)), event(3))).status).toBe(200);
  });

  it('lets the operator forget it; the next handshake sets a new one', async () => {
    expect((await t.http().delete('/admin/endpoints/tasks/handshake-secret')).status).toBe(401);
    const forgot = await t.http().delete('/admin/endpoints/tasks/handshake-secret').set(auth);
    expect(forgot.status).toBe(204);
    const again = await t.http().delete('/admin/endpoints/tasks/handshake-secret').set(auth);
    expect(again.status).toBe(404);
    expect((await postRaw(t, URL, signed(event(4)), event(4))).status).toBe(401);
    expect((await handshake(t, OTHER)).status).toBe(200);
    expect((await postRaw(t, URL, signed(event(5), OTHER), event(5))).status).toBe(200);
    expect((await postRaw(t, URL, signed(event(6)), event(6))).status).toBe(401);
  });

  it('forgets it by provider and id too, the path its refusal names', async () => {
    const path = '/admin/endpoints/asana/tasks/handshake-secret';
    expect((await t.http().delete(path)).status).toBe(401);
    expect((await t.http().delete(path).set(auth)).status).toBe(204);
    expect((await t.http().delete(path).set(auth)).status).toBe(404);
    expect((await handshake(t, SECRET)).status).toBe(200);
    expect((await postRaw(t, URL, signed(event(7)), event(7))).status).toBe(200);
    const other = await t.http().delete('/admin/endpoints/github/tasks/handshake-secret').set(auth);
    expect(other.status).toBe(404);
  });

  it('404 for an endpoint whose provider hands over no secret', async () => {
    const res = await t.http().delete('/admin/endpoints/acme/handshake-secret').set(auth);
    expect(res.status).toBe(404);
  });
});
