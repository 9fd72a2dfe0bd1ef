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
import { NOTION_PATH as PATH, NOTION_TOKEN } from './cases/notion';

const VERIFICATION = readFileSync(
  join(__dirname, '../../src/receivers/notion/fixtures/verification.json'),
);
const TOKEN_SENT = 'secret_tMrlL1qK5vuQAh1b6cZGhFChZTSYJlce98V0pYn7yBl';

/**
 * What is Notion's own: the unsigned `{"verification_token": …}` POST of a new subscription,
 * answered 200 and never stored, logged or echoed. The contract every receiver keeps is in
 * contract.e2e-spec.ts, row cases/notion.ts.
 */
describe('Notion receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=notion&limit=500')).body.items.length as number;
  const JSON_TYPE = { 'content-type': 'application/json' };

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'notion', id: 'workspace', secrets: [NOTION_TOKEN] }],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('answers the verification POST 200 with no body, and stores nothing', async () => {
    const before = await storedCount();
    const res = await postRaw(t, PATH, JSON_TYPE, VERIFICATION);
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expect(JSON.stringify(res.headers)).not.toContain(TOKEN_SENT);
    expect(await storedCount()).toBe(before);
  });

  it('refuses an unsigned body that carries more than the token (401)', async () => {
    const body = Buffer.from(
      JSON.stringify({ verification_token: TOKEN_SENT, type: 'page.created' }),
    );
    const res = await postRaw(t, PATH, JSON_TYPE, body);
    expect(res.status).toBe(401);
    expect(res.text).not.toContain(TOKEN_SENT);
  });
});
