import { ADMIN_TOKEN, createTestApp, ManualClock, testConfig, TestApp } from '../helpers/test-app';
import { send } from './contract-client';
import { GRAPH_PATH } from './cases/microsoft-graph';

/**
 * What is Graph's own: the validation POST ?validationToken=, answered before anything else with
 * the decoded token as text/plain, and never stored. The contract is in contract.e2e-spec.ts,
 * row cases/microsoft-graph.ts.
 */
describe('Microsoft Graph receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=microsoft-graph&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'microsoft-graph', id: 'mail', secrets: ['graph-client-state'] }],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('echoes the validation token, URL-decoded, as text/plain with nosniff', async () => {
    const before = await storedCount();
    const token = 'Validation: Testing client application reachability <b>&';
    const res = await send(t, {
      path: `${GRAPH_PATH}?validationToken=${encodeURIComponent(token)}`,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: Buffer.alloc(0),
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe(token);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(await storedCount()).toBe(before);
  });

  it('refuses text/plain without a validation token (415)', async () => {
    const res = await send(t, {
      path: GRAPH_PATH,
      headers: { 'content-type': 'text/plain' },
      body: Buffer.from('{"value":[]}'),
    });
    expect(res.status).toBe(415);
  });
});
