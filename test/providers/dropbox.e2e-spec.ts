import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';

const URL = '/webhooks/dropbox/files';

/**
 * What is Dropbox's own: the GET ?challenge= handshake. The contract every receiver keeps (the
 * notification, repeats stored again, refusals, 405 for a GET without challenge and for HEAD)
 * is in contract.e2e-spec.ts, row cases/dropbox.ts.
 */
describe('Dropbox receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=dropbox&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          {
            provider: 'dropbox',
            id: 'files',
            secrets: ['dropbox-next-secret', 'dropbox-app-secret'],
          },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('echoes GET ?challenge= as text/plain with nosniff, and stores nothing', async () => {
    const before = await storedCount();
    const res = await t.http().get(`${URL}?challenge=abc123%3Cscript%3E`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('abc123<script>');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(await storedCount()).toBe(before);
  });
});
