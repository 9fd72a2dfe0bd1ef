import { createHmac } from 'node:crypto';
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

const NOTIFICATION = readFileSync(
  join(__dirname, '../../src/receivers/dropbox/fixtures/notification.json'),
);
const SECRET = 'dropbox-app-secret';
const URL = '/webhooks/dropbox/files';

/** Signs like Dropbox, with node:crypto (not the receiver's signer). */
const headersFor = (body: Buffer, secret = SECRET) => ({
  'content-type': 'application/json',
  'x-dropbox-signature': createHmac('sha256', secret).update(body).digest('hex'),
});

describe('Dropbox receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=dropbox&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [{ provider: 'dropbox', id: 'files', secrets: ['dropbox-next-secret', SECRET] }],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('stores a signed notification as type change, with no provider delivery id', async () => {
    const res = await postRaw(t, URL, headersFor(NOTIFICATION), NOTIFICATION);
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(false);
    const detail = await admin(`/deliveries/${res.body.id}`);
    expect(detail.body).toMatchObject({
      provider: 'dropbox',
      endpoint: 'files',
      type: 'change',
      providerDeliveryId: null,
    });
    expect(detail.body.payload).toEqual(JSON.parse(NOTIFICATION.toString()));
  });

  it('stores a repeated notification again (Dropbox sends no id; notifications are idempotent)', async () => {
    const first = await postRaw(t, URL, headersFor(NOTIFICATION), NOTIFICATION);
    const again = await postRaw(t, URL, headersFor(NOTIFICATION), NOTIFICATION);
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(false);
    expect(again.body.id).not.toBe(first.body.id);
  });

  it('echoes GET ?challenge= as text/plain with nosniff, and stores nothing', async () => {
    const before = await storedCount();
    const res = await t.http().get(`${URL}?challenge=abc123%3Cscript%3E`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('abc123<script>');
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(await storedCount()).toBe(before);
  });

  describe('refusals', () => {
    it.each([
      ['unsigned', { 'content-type': 'application/json' }],
      ['signed with a wrong secret', headersFor(NOTIFICATION, 'wrong-secret')],
      ['signed over another body', headersFor(Buffer.from('{}'))],
    ])('401 when %s', async (_case, headers) => {
      const res = await postRaw(t, URL, headers, NOTIFICATION);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('415 for an unsupported content type', async () => {
      const res = await postRaw(
        t,
        URL,
        { ...headersFor(NOTIFICATION), 'content-type': 'text/plain' },
        NOTIFICATION,
      );
      expect(res.status).toBe(415);
    });

    it('400 for a signed body that is not JSON', async () => {
      const garbage = Buffer.from('{"list_folder":');
      expect((await postRaw(t, URL, headersFor(garbage), garbage)).status).toBe(400);
    });

    it('405 for a GET without challenge, and for HEAD', async () => {
      expect((await t.http().get(URL)).status).toBe(405);
      expect((await t.http().head(URL)).status).toBe(405);
    });
  });
});
