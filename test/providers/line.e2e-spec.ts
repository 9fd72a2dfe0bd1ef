import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { LINE_SECRET, lineSigned } from './cases/line';

const VERIFY = readFileSync(join(__dirname, '../../src/receivers/line/fixtures/verify.json'));

/**
 * What is LINE's own: the console's "Verify" request, a signed body with no events. The
 * contract every receiver keeps is in contract.e2e-spec.ts, row cases/line.ts.
 */
describe('LINE receiver end to end', () => {
  let t: TestApp;
  const storedCount = async () =>
    (
      await t
        .http()
        .get('/admin/deliveries?provider=line&limit=500')
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
    ).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'line', id: 'bot', secrets: [LINE_SECRET] }] }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the signed Verify request 200 and stores nothing', async () => {
    const before = await storedCount();
    const { path, headers, body } = lineSigned(VERIFY);
    const res = await postRaw(t, path, headers, body);
    expect(res.status).toBe(200);
    expect(await storedCount()).toBe(before);
  });

  it('refuses an unsigned or wrongly signed Verify request 401', async () => {
    const { path, headers, body } = lineSigned(VERIFY, 'not-the-channel-secret');
    expect((await postRaw(t, path, headers, body)).status).toBe(401);
    const unsigned = { 'content-type': 'application/json' };
    expect((await postRaw(t, path, unsigned, body)).status).toBe(401);
  });
});
