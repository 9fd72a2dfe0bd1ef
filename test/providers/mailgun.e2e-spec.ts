import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetentionService } from '../../src/retention/retention.service';
import { isolatedSchemaUrl, isPostgresUrl } from '../helpers/pg-database';
import {
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  testDatabaseUrl,
  type TestApp,
} from '../helpers/test-app';
import { MAILGUN_DELIVERED, MAILGUN_KEY, mailgunSignature } from './cases/mailgun';
import { adminGet } from './contract-client';

const URL = '/webhooks/mailgun/mail';
const ENDPOINT = { provider: 'mailgun', id: 'mail', secrets: [MAILGUN_KEY] };
const JSON_TYPE = { 'content-type': 'application/json' };
const EVENT = MAILGUN_DELIVERED['event-data'];

/** A Mailgun POST with this signature object and event (the documented one, its id changed). */
const body = (signature: Record<string, string>, id: string, recipient = EVENT.recipient) =>
  Buffer.from(JSON.stringify({ signature, 'event-data': { ...EVENT, id, recipient } }));

/** One store that two apps share: a SQLite file, or a PostgreSQL schema of its own. */
async function sharedStoreUrl(): Promise<string> {
  const url = testDatabaseUrl();
  if (isPostgresUrl(url)) return isolatedSchemaUrl(url);
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'hookgate-mailgun-')), 'store.sqlite')}`;
}

/**
 * Mailgun signs `timestamp + token` only. Two apps on one store stand for two gateway
 * processes behind a load balancer: a token either accepts is refused with another body by
 * both, while the same bytes again are a retry the store de-duplicates.
 */
describe('Mailgun: single-use tokens across processes', () => {
  const clock = new ManualClock();
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    const url = await sharedStoreUrl();
    const config = testConfig({ database: { url }, endpoints: [ENDPOINT] });
    a = await createTestApp(config, { clock });
    b = await createTestApp(config, { clock });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('accepts a token once; the same bytes again, on the other process, are a duplicate', async () => {
    const first = body(mailgunSignature(clock.now()), 'same-bytes');
    const accepted = await postRaw(a, URL, JSON_TYPE, first);
    expect(accepted.status).toBe(200);
    expect(accepted.body.duplicate).toBe(false);
    const again = await postRaw(b, URL, JSON_TYPE, first);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: accepted.body.id, duplicate: true });
  });

  it('refuses 401 replayed a token one process accepted, sent to the other with another body', async () => {
    const signature = mailgunSignature(clock.now());
    const accepted = await postRaw(a, URL, JSON_TYPE, body(signature, 'original'));
    expect(accepted.status).toBe(200);
    for (const app of [b, a]) {
      const forged = await postRaw(app, URL, JSON_TYPE, body(signature, 'forged', 'x@evil.test'));
      expect(forged.status).toBe(401);
      expect(forged.body).toEqual({
        error: 'replayed',
        message: expect.stringMatching(
          /token was already used on endpoint "mail" with another body/,
        ),
      });
      expect(JSON.stringify(forged.body)).not.toContain(signature.token);
    }
    const stored = await adminGet(a, '/admin/deliveries?provider=mailgun');
    const ids = (stored.body.items as { providerDeliveryId: string }[]).map(
      (item) => item.providerDeliveryId,
    );
    expect(ids).toContain('original');
    expect(ids).not.toContain('forged');
  });

  it('lets exactly one body through when both processes race with one token', async () => {
    const signature = mailgunSignature(clock.now());
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        postRaw(i % 2 ? a : b, URL, JSON_TYPE, body(signature, `race-${i}`)),
      ),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([200, 401, 401, 401, 401, 401]);
    expect(answers.filter((res) => res.status === 401).map((res) => res.body.error)).toEqual(
      Array(5).fill('replayed'),
    );
  });

  it('forgets tokens once their window has passed (retention), and only those', async () => {
    const retention = a.app.get(RetentionService);
    await retention.purgeOnce(); // nothing expired yet
    clock.advance(301_000);
    const fresh = await postRaw(a, URL, JSON_TYPE, body(mailgunSignature(clock.now()), 'fresh'));
    expect(fresh.status).toBe(200);
    const report = await retention.purgeOnce();
    expect(report.replayTokensPurged).toBe(3); // one token per case above, not `fresh`'s
    expect((await retention.purgeOnce()).replayTokensPurged).toBe(0);
  });
});
