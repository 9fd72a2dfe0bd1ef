import { createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { adminGet } from './contract-client';

const SECRET = 'ops-e2e-token-0123456789';
const OLD_SECRET = 'ops-e2e-previous-token';
const ENDPOINTS = [
  {
    provider: 'token',
    id: 'ops',
    secrets: [SECRET, OLD_SECRET],
    options: { header: 'X-Ops-Token', idFrom: 'body:alert.id', typeFrom: 'body:alert.kind' },
  },
  {
    provider: 'token',
    id: 'code',
    secrets: [SECRET],
    options: { query: 'code', idFrom: 'header:X-Delivery' },
  },
];
/** Another endpoint, to which a sender may (wrongly) send the `ops` endpoint's token header. */
const OTHER = { provider: 'token', id: 'other', secrets: [OLD_SECRET], options: { query: 'code' } };
const JSON_TYPE = { 'content-type': 'application/json' };

const body = (id: string) => Buffer.from(JSON.stringify({ alert: { kind: 'disk.full', id } }));

describe('Generic token provider end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(testConfig({ endpoints: [...ENDPOINTS, OTHER] }));
  });
  afterAll(() => t.close());

  it('accepts a header token with the configured type and delivery id, and never stores it', async () => {
    const headers = { ...JSON_TYPE, 'x-ops-token': SECRET };
    const res = await postRaw(t, '/webhooks/token/ops', headers, body('a-1'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      provider: 'token',
      endpoint: 'ops',
      type: 'disk.full',
      providerDeliveryId: 'a-1',
    });
    expect(stored.body.headers).not.toHaveProperty('x-ops-token');
    expect(JSON.stringify(stored.body)).not.toContain(SECRET);
  });

  it('accepts a query token; the type is the endpoint id; the token is stored nowhere', async () => {
    const headers = { ...JSON_TYPE, 'x-delivery': 'q-1' };
    const res = await postRaw(t, `/webhooks/token/code?code=${SECRET}`, headers, body('a-2'));
    expect(res.status).toBe(200);
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      endpoint: 'code',
      type: 'code',
      providerDeliveryId: 'q-1',
    });
    expect(JSON.stringify(stored.body)).not.toContain(SECRET);
  });

  it("does not store one endpoint's token header sent to another endpoint", async () => {
    const headers = { ...JSON_TYPE, 'x-ops-token': SECRET, 'x-kept': 'yes' };
    const url = `/webhooks/token/other?code=${OLD_SECRET}`;
    const res = await postRaw(t, url, headers, body('a-6'));
    expect(res.status).toBe(200);
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body.headers).toMatchObject({ 'x-kept': 'yes' });
    expect(stored.body.headers).not.toHaveProperty('x-ops-token');
    expect(JSON.stringify(stored.body)).not.toContain(SECRET);
  });

  it('accepts the previous token (rotation)', async () => {
    const headers = { ...JSON_TYPE, 'x-ops-token': OLD_SECRET };
    expect((await postRaw(t, '/webhooks/token/ops', headers, body('a-3'))).status).toBe(200);
  });

  it('stores a redelivery once', async () => {
    const headers = { ...JSON_TYPE, 'x-ops-token': SECRET };
    const first = await postRaw(t, '/webhooks/token/ops', headers, body('a-4'));
    const again = await postRaw(t, '/webhooks/token/ops', headers, body('a-4'));
    expect(first.body.duplicate).toBe(false);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    const list = await adminGet(t, '/admin/deliveries?provider=token&limit=500');
    const rows = (list.body.items as { providerDeliveryId: string | null }[]).filter(
      (d) => d.providerDeliveryId === 'a-4',
    );
    expect(rows).toHaveLength(1);
  });

  it.each<[string, string, Record<string, string>]>([
    ['a wrong header token', '/webhooks/token/ops', { 'x-ops-token': 'guess' }],
    ['no header token', '/webhooks/token/ops', {}],
    [
      'the token in the query of a header endpoint',
      `/webhooks/token/ops?x-ops-token=${SECRET}`,
      {},
    ],
    ['a wrong query token', '/webhooks/token/code?code=guess', {}],
    ['no query token', '/webhooks/token/code', {}],
    ['the token in a header of a query endpoint', '/webhooks/token/code', { code: SECRET }],
  ])('401 for %s', async (_name, url, headers) => {
    const res = await postRaw(t, url, { ...JSON_TYPE, ...headers }, body('a-5'));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toContain(SECRET);
  });
});

describe('Generic token provider options at start-up', () => {
  it.each<[Record<string, unknown> | undefined, string]>([
    [undefined, 'endpoints[0].options.header or options.query is required, exactly one'],
    [{ header: 'X-Api-Key', query: 'code' }, 'endpoints[0].options.header or options.query'],
    [{ header: 'X Api Key' }, 'endpoints[0].options.header must be an HTTP header name'],
    [{ query: 'code', secret: 'x' }, 'endpoints[0].options.secret is not a token option'],
  ])('refuses %j, naming the field', async (options, message) => {
    const config = testConfig({ endpoints: [{ ...ENDPOINTS[0], options }] });
    await expect(createTestApp(config)).rejects.toThrow(message);
  });
});
