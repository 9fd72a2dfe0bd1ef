import { createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { adminGet } from './contract-client';

const PASSWORD = 'legacy-e2e-password';
const SECRET = `legacy:${PASSWORD}`;
const URL = '/webhooks/basic/legacy';
const LEGACY = {
  provider: 'basic',
  id: 'legacy',
  secrets: [SECRET, 'legacy:previous-password'],
  options: { idFrom: 'body:record.id', typeFrom: 'body:record.type' },
};
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const headers = (authorization?: string) => ({
  'content-type': 'application/json',
  ...(authorization !== undefined && { authorization }),
});
const body = (id: string) => Buffer.from(JSON.stringify({ record: { type: 'invoice', id } }));

describe('Generic basic provider end to end', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [LEGACY, { provider: 'basic', id: 'plain', secrets: [SECRET] }],
      }),
    );
  });
  afterAll(() => t.close());

  it('accepts valid credentials with the configured type and delivery id, never storing them', async () => {
    const res = await postRaw(t, URL, headers(basic(SECRET)), body('r-1'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({
      provider: 'basic',
      endpoint: 'legacy',
      type: 'invoice',
      providerDeliveryId: 'r-1',
    });
    expect(stored.body.headers).not.toHaveProperty('authorization');
    expect(JSON.stringify(stored.body)).not.toContain(PASSWORD);
    expect(JSON.stringify(stored.body)).not.toContain(basic(SECRET).slice(6));
  });

  it('accepts the previous credentials (rotation)', async () => {
    const res = await postRaw(t, URL, headers(basic('legacy:previous-password')), body('r-2'));
    expect(res.status).toBe(200);
  });

  it('without options, the type is the endpoint id', async () => {
    const res = await postRaw(t, '/webhooks/basic/plain', headers(basic(SECRET)), body('r-3'));
    expect(res.status).toBe(200);
    const stored = await adminGet(t, `/admin/deliveries/${res.body.id}`);
    expect(stored.body).toMatchObject({ endpoint: 'plain', type: 'plain' });
  });

  it('stores a redelivery once', async () => {
    const first = await postRaw(t, URL, headers(basic(SECRET)), body('r-4'));
    const again = await postRaw(t, URL, headers(basic(SECRET)), body('r-4'));
    expect(first.body.duplicate).toBe(false);
    expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    const list = await adminGet(t, '/admin/deliveries?provider=basic&limit=500');
    const rows = (list.body.items as { providerDeliveryId: string | null }[]).filter(
      (d) => d.providerDeliveryId === 'r-4',
    );
    expect(rows).toHaveLength(1);
  });

  it.each<[string, string | undefined]>([
    ['a wrong password', basic('legacy:guess')],
    ['a wrong user', basic(`admin:${PASSWORD}`)],
    ['no credentials', undefined],
    ['a bearer token', `Bearer ${PASSWORD}`],
  ])('401 for %s', async (_name, authorization) => {
    const res = await postRaw(t, URL, headers(authorization), body('r-5'));
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('signature');
    expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
  });
});

describe('Generic basic provider options at start-up', () => {
  it.each<[Record<string, unknown>, string]>([
    [{ user: 'legacy' }, 'endpoints[0].options.user is not a basic option'],
    [
      { idFrom: 'record.id' },
      'endpoints[0].options.idFrom must be "header:NAME" or "body:json.path"',
    ],
  ])('refuses %j, naming the field', async (options, message) => {
    const config = testConfig({ endpoints: [{ ...LEGACY, options }] });
    await expect(createTestApp(config)).rejects.toThrow(message);
  });
});
