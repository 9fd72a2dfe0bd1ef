import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { HOOKGATE_CONNECTION } from '../../src/store/connection';
import { QueryDialect } from '../../src/store/query-dialect';
import { StoreEntitiesRef } from '../../src/store/store-entities.ref';
import { auth } from '../helpers/dispatch';
import { githubHeaders } from '../helpers/github';
import { insertDeliveryRecords, pushDeliveryRecord } from '../helpers/stored-deliveries';
import {
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
  waitFor,
} from '../helpers/test-app';

const SECRET = 'github-test-secret';
const START = new Date('2026-12-01T10:00:00Z');
const MINUTE = 60_000;

/** Provider delivery ids with the characters LIKE and GLOB treat as wildcards. */
const DELIVERY_IDS = ['abc-1', 'abc-2', 'abd-1', 'a%c_1', 'a*c?[1]', 'ABC-3'];

describe('admin API: the delivery list filters and the raw body', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  /** Gateway ids by provider delivery id; the n-th arrived n minutes after START. */
  const ids: Record<string, string> = {};
  const bodies: Record<string, string> = {};

  const list = async (query: string) => {
    const res = await t.http().get(`/admin/deliveries?${query}`).set(auth);
    expect(res.status).toBe(200);
    return (res.body.items as { providerDeliveryId: string }[]).map((d) => d.providerDeliveryId);
  };

  beforeAll(async () => {
    t = await createTestApp(testConfig(), { clock });
    for (const [n, deliveryId] of DELIVERY_IDS.entries()) {
      clock.set(new Date(START.getTime() + n * MINUTE));
      // Odd spacing and a non-ASCII character, so the bytes are checked, not a re-encoding.
      bodies[deliveryId] = `{ "n" : ${n},\n  "name": "caf\u00e9 ${deliveryId}" }`;
      const headers = githubHeaders(SECRET, bodies[deliveryId], 'push', deliveryId);
      const res = await postRaw(t, '/webhooks/github/acme', headers, bodies[deliveryId]);
      expect(res.status).toBe(200);
      ids[deliveryId] = res.body.id;
    }
    await waitFor(async () => (await list('status=succeeded')).length === DELIVERY_IDS.length);
  });
  afterAll(() => t.close());

  it('filters by the time received: receivedAfter inclusive, receivedBefore exclusive', async () => {
    const at = (minutes: number) => new Date(START.getTime() + minutes * MINUTE).toISOString();
    expect(await list(`receivedAfter=${at(4)}`)).toEqual(['ABC-3', 'a*c?[1]']);
    expect(await list(`receivedBefore=${at(2)}`)).toEqual(['abc-2', 'abc-1']);
    expect(await list(`receivedAfter=${at(1)}&receivedBefore=${at(3)}`)).toEqual([
      'abd-1',
      'abc-2',
    ]);
    // An offset is honoured; a date alone is UTC midnight.
    expect(await list(`receivedAfter=2026-12-01T11:04:00%2B01:00`)).toEqual(['ABC-3', 'a*c?[1]']);
    expect(await list('receivedBefore=2026-12-01')).toEqual([]);
    expect(await list('receivedAfter=2026-12-01&limit=2')).toEqual(['ABC-3', 'a*c?[1]']);
  });

  it('pages a time range in the order received', async () => {
    const after = `receivedAfter=${START.toISOString()}`;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { providerDeliveryId: string }[]; nextCursor: string | null } } =
        await t
          .http()
          .get(`/admin/deliveries?${after}&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
          .set(auth);
      seen.push(...res.body.items.map((d) => d.providerDeliveryId));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...DELIVERY_IDS].reverse());
  });

  it('q matches provider delivery ids by prefix, case-sensitive, wildcards taken literally', async () => {
    expect(await list('q=abc')).toEqual(['abc-2', 'abc-1']);
    expect(await list('q=abc-1')).toEqual(['abc-1']);
    expect(await list('q=ab')).toEqual(['abd-1', 'abc-2', 'abc-1']);
    expect(await list('q=ABC')).toEqual(['ABC-3']);
    expect(await list(`q=${encodeURIComponent('a%')}`)).toEqual(['a%c_1']);
    expect(await list(`q=${encodeURIComponent('a_')}`)).toEqual([]);
    expect(await list(`q=${encodeURIComponent('a*c?[')}`)).toEqual(['a*c?[1]']);
    expect(await list(`q=${encodeURIComponent('a*')}`)).toEqual(['a*c?[1]']);
    expect(await list('q=zzz')).toEqual([]);
    expect(await list('q=')).toHaveLength(DELIVERY_IDS.length);
  });

  it('combines q and the time range with the other filters and the cursor', async () => {
    expect(await list('q=abc&type=push&status=succeeded&provider=github')).toEqual([
      'abc-2',
      'abc-1',
    ]);
    const first = await t.http().get('/admin/deliveries?q=ab&limit=2').set(auth);
    expect(first.body.nextCursor).toBe(ids['abc-2']);
    expect(await list(`q=ab&cursor=${first.body.nextCursor}`)).toEqual(['abc-1']);
  });

  it.each([
    ['a time that is not ISO 8601', 'receivedAfter=yesterday', 'receivedAfter'],
    ['a local time (no zone)', 'receivedAfter=2026-12-01T10:00:00', 'receivedAfter'],
    ['a month 13', 'receivedBefore=2026-13-01', 'receivedBefore'],
    ['q over 200 characters', `q=${'x'.repeat(201)}`, 'q'],
    ['an unknown parameter', 'unknown=1', 'unknown'],
  ])('answers 400 for %s', async (_case, query, field) => {
    const res = await t.http().get(`/admin/deliveries?${query}`).set(auth);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('downloads the raw body as sent, with its content type and a file name', async () => {
    const id = ids['abc-1'];
    const res = await t
      .http()
      .get(`/admin/deliveries/${id}/raw`)
      .set(auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(Buffer.compare(res.body as Buffer, Buffer.from(bodies['abc-1'], 'utf8'))).toBe(0);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${id}.json"`);
    expect(res.headers['content-length']).toBe(String(Buffer.byteLength(bodies['abc-1'])));
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers 404 for an unknown delivery, 410 once retention dropped the body', async () => {
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await t.http().get(`/admin/deliveries/${unknown}/raw`).set(auth)).status).toBe(404);
    expect((await t.http().get(`/admin/deliveries/${unknown}`).set(auth)).status).toBe(404);
    expect((await t.http().get('/admin/deliveries/not-a-uuid/raw').set(auth)).status).toBe(400);
    const dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
    await dataSource
      .createQueryBuilder()
      .delete()
      .from('delivery_bodies')
      .where('"delivery_id" = :id', { id: ids['abd-1'] })
      .execute();
    const gone = await t.http().get(`/admin/deliveries/${ids['abd-1']}/raw`).set(auth);
    expect(gone.status).toBe(410);
    expect(gone.body.message).toContain('Retention dropped the raw body');
  });

  it('401 without the admin token', async () => {
    const res = await t.http().get(`/admin/deliveries/${ids['abc-1']}/raw`);
    expect(res.status).toBe(401);
    expect(res.headers['content-disposition']).toBeUndefined();
  });
});

describe('admin API: a q prefix that many deliveries share', () => {
  let t: TestApp;
  const clock = new ManualClock(START);
  const MANY = 1005;
  const id = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    t = await createTestApp(testConfig({ dispatch: { enabled: false } }), { clock });
    const dataSource = t.app.get<DataSource>(getDataSourceToken(HOOKGATE_CONNECTION));
    const records = Array.from({ length: MANY }, (_, n) =>
      pushDeliveryRecord(id(n), new Date(START.getTime() + n * 1000), {
        providerDeliveryId: `bulk-${n}`,
      }),
    );
    for (let i = 0; i < records.length; i += 100) {
      await insertDeliveryRecords(
        dataSource,
        t.app.get(StoreEntitiesRef),
        records.slice(i, i + 100),
      );
    }
  });
  afterAll(() => t.close());

  it('finds the same newest page whether the index or a walk of the newest answers it', async () => {
    const startsWith = jest.spyOn(t.app.get(QueryDialect), 'startsWith');
    const common = await t.http().get('/admin/deliveries?q=bulk-&limit=3').set(auth);
    expect(common.body.items.map((d: { id: string }) => d.id)).toEqual([
      id(MANY - 1),
      id(MANY - 2),
      id(MANY - 3),
    ]);
    // Counted past the probe: the list walked the newest deliveries instead of the index.
    expect(startsWith.mock.calls.map((call) => call[3])).toEqual([true, false]);
    startsWith.mockClear();
    const rare = await t.http().get('/admin/deliveries?q=bulk-100').set(auth);
    expect(
      rare.body.items.map((d: { providerDeliveryId: string }) => d.providerDeliveryId),
    ).toEqual(['bulk-1004', 'bulk-1003', 'bulk-1002', 'bulk-1001', 'bulk-1000', 'bulk-100']);
    expect(startsWith.mock.calls.map((call) => call[3])).toEqual([true, true]);
    startsWith.mockRestore();
  });
});
