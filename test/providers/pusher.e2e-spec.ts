import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Pusher from 'pusher';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { PUSHER_KEY as KEY, pusherHeaders } from './cases/pusher';

const BATCH = readFileSync(join(__dirname, '../../src/receivers/pusher/fixtures/batch.json'));
const SECRET = '7ad3773142a6692b25b8';
const OTHER_KEY = 'b1e2c3d4e5f60718293a';
const OTHER_SECRET = 'second-app-secret';
const URL = '/webhooks/pusher/apps';
const pairs = [`${KEY}:${SECRET}`, `${OTHER_KEY}:${OTHER_SECRET}`];

/** Signed independently of pusher-http-node: the documented scheme with node:crypto. */
const cryptoHeaders = (body: Buffer, secret: string, key: string) => ({
  'content-type': 'application/json',
  'x-pusher-key': key,
  'x-pusher-signature': createHmac('sha256', secret).update(body).digest('hex'),
});

/** pusher-http-node's verdict for the endpoint's key:secret pairs. */
function sdkAccepts(headers: Record<string, string>, body: Buffer): boolean {
  const [first, ...others] = pairs.map((pair) => {
    const [key, secret] = pair.split(':');
    return { key, secret };
  });
  const pusher = new Pusher({ appId: '1', key: first.key, secret: first.secret, cluster: 'mt1' });
  return pusher.webhook({ headers, rawBody: body.toString('utf8') }).isValid(others);
}

/**
 * What is Pusher's own: X-Pusher-Key choosing among key:secret pairs, and agreement with
 * pusher-http-node on whole requests. The contract every receiver keeps is in
 * contract.e2e-spec.ts, row cases/pusher.ts.
 */
describe('Pusher receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  let serial = 0;
  /** A distinct webhook each time (another time_ms), so none is a duplicate of another. */
  const batch = () =>
    Buffer.from(BATCH.toString().replace('1327078148132', String(1327078148132 + ++serial)));

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'pusher', id: 'apps', secrets: pairs }] }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it.each([
    ['the first app, signed by pusher-http-node', () => pusherHeaders, KEY, SECRET],
    ['the second app, signed by pusher-http-node', () => pusherHeaders, OTHER_KEY, OTHER_SECRET],
    [
      'the first app, signed with node:crypto',
      () => (b: Buffer, s: string, k: string) => cryptoHeaders(b, s, k),
      KEY,
      SECRET,
    ],
  ])('accepts %s, as pusher-http-node does', async (_case, signer, key, secret) => {
    const body = batch();
    const headers = signer()(body, secret, key);
    expect(sdkAccepts(headers, body)).toBe(true);
    const res = await postRaw(t, URL, headers, body);
    expect(res.status).toBe(200);
    const stored = await admin(`/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({ provider: 'pusher', type: 'mixed' });
    expect(stored.body.headers['x-pusher-key']).toBe(key);
  });

  it.each([
    [
      "one app's secret under the other's key",
      (body: Buffer) => pusherHeaders(body, OTHER_SECRET, KEY),
    ],
    ['a wrong secret', (body: Buffer) => pusherHeaders(body, 'wrong', KEY)],
    [
      'an upper-case signature',
      (body: Buffer) => {
        const headers = pusherHeaders(body, SECRET, KEY);
        return { ...headers, 'x-pusher-signature': headers['x-pusher-signature'].toUpperCase() };
      },
    ],
  ])('refuses %s (401), as pusher-http-node does', async (_case, makeHeaders) => {
    const body = batch();
    const headers = makeHeaders(body);
    expect(sdkAccepts(headers, body)).toBe(false);
    const res = await postRaw(t, URL, headers, body);
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toMatch(new RegExp(`${SECRET}|${OTHER_SECRET}`));
  });

  it('refuses a key that is not configured (401), naming the key but no secret', async () => {
    const body = batch();
    const headers = pusherHeaders(body, SECRET, 'ffffffffffffffffffff');
    expect(sdkAccepts(headers, body)).toBe(false);
    const res = await postRaw(t, URL, headers, body);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error: 'signature',
      message:
        'X-Pusher-Key "ffffffffffffffffffff" is not an app key configured for this endpoint.',
    });
  });

  it('refuses a tampered body (401), as pusher-http-node does', async () => {
    const body = batch();
    const headers = pusherHeaders(body, SECRET, KEY);
    const sent = Buffer.from(body.toString().replace('member_removed', 'member_added'));
    expect(sdkAccepts(headers, sent)).toBe(false);
    expect((await postRaw(t, URL, headers, sent)).status).toBe(401);
  });
});
