import { createHmac } from 'node:crypto';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { GITEA_PUSH, GITEA_SECRET, giteaHeaders } from './cases/gitea';

const URL = '/webhooks/gitea/repos';
const FORM = 'application/x-www-form-urlencoded';

/** Go's url.Values{"payload": {json}}.Encode(): QueryEscape, spaces as `+`. */
const formOf = (...payloads: string[]) =>
  Buffer.from(
    payloads.map((json) => `payload=${encodeURIComponent(json).replace(/%20/g, '+')}`).join('&'),
  );
/** deliver.go's headers for a form hook: signed over the JSON, sent as a form. */
const formHeaders = (json: Buffer | string, delivery: string, secret = GITEA_SECRET) => ({
  ...giteaHeaders(Buffer.from(json), secret, delivery),
  'content-type': FORM,
});

/**
 * What is Gitea's own: form hooks, where the JSON in the `payload` field is what is signed
 * (go-gitea/gitea services/webhook/deliver.go), not the encoded form; and the forgejo alias. The
 * contract every receiver keeps is in contract.e2e-spec.ts, row cases/gitea.ts (JSON hooks).
 */
describe('Gitea receiver end to end', () => {
  let t: TestApp;
  const detail = (id: string) =>
    t.http().get(`/admin/deliveries/${id}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (
      await t
        .http()
        .get('/admin/deliveries?provider=gitea&limit=500')
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
    ).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          { provider: 'gitea', id: 'repos', secrets: [GITEA_SECRET] },
          { provider: 'forgejo', id: 'forge', secrets: [GITEA_SECRET] },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  describe('form hooks', () => {
    it('accepts a form signed over its payload JSON, and stores that JSON as the payload', async () => {
      const delivery = '0d4c3a6e-form-4f7a-9a52-000000000001';
      const res = await postRaw(
        t,
        URL,
        formHeaders(GITEA_PUSH, delivery),
        formOf(GITEA_PUSH.toString()),
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: expect.any(String), duplicate: false });
      const stored = await detail(res.body.id);
      expect(stored.body).toMatchObject({
        provider: 'gitea',
        type: 'push',
        providerDeliveryId: delivery,
        headers: expect.objectContaining({ 'content-type': FORM }),
      });
      expect(stored.body.payload).toEqual(JSON.parse(GITEA_PUSH.toString()));
    });

    it('stores a redelivered form once', async () => {
      const delivery = '0d4c3a6e-form-4f7a-9a52-000000000002';
      const send = () =>
        postRaw(t, URL, formHeaders(GITEA_PUSH, delivery), formOf(GITEA_PUSH.toString()));
      const first = await send();
      const again = await send();
      expect(again.body).toEqual({ id: first.body.id, duplicate: true });
    });

    it.each([
      [
        'signed over the encoded form bytes',
        (delivery: string) => {
          const body = formOf(GITEA_PUSH.toString());
          return { headers: formHeaders(body, delivery), body };
        },
      ],
      [
        'with a second, unsigned payload field',
        (delivery: string) => ({
          headers: formHeaders(GITEA_PUSH, delivery),
          body: formOf(GITEA_PUSH.toString(), '{"ref":"refs/heads/evil"}'),
        }),
      ],
      [
        'with no payload field',
        (delivery: string) => ({
          headers: formHeaders(GITEA_PUSH, delivery),
          body: Buffer.from(`json=${encodeURIComponent(GITEA_PUSH.toString())}`),
        }),
      ],
      [
        'with its payload changed after signing',
        (delivery: string) => ({
          headers: formHeaders(GITEA_PUSH, delivery),
          body: formOf(GITEA_PUSH.toString().replace('develop', 'main')),
        }),
      ],
    ])('401 for a form %s, nothing stored', async (_case, make) => {
      const before = await storedCount();
      const { headers, body } = make('0d4c3a6e-form-4f7a-9a52-000000000401');
      const res = await postRaw(t, URL, headers, body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'signature', message: expect.any(String) });
      expect(JSON.stringify(res.body)).not.toContain(GITEA_SECRET);
      expect(await storedCount()).toBe(before);
    });

    it('400 for a signed form whose payload is not JSON', async () => {
      const json = '{"ref":';
      const res = await postRaw(t, URL, formHeaders(json, 'form-400'), formOf(json));
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('malformed');
    });
  });

  it('takes Forgejo deliveries on the forgejo alias, stored as gitea', async () => {
    const delivery = '7b1e9c2d-forgejo-4a8b-9c3d-000000000001';
    const signature = createHmac('sha256', GITEA_SECRET).update(GITEA_PUSH).digest('hex');
    const headers = {
      ...giteaHeaders(GITEA_PUSH, GITEA_SECRET, delivery),
      'x-forgejo-delivery': delivery,
      'x-forgejo-event': 'push',
      'x-forgejo-signature': signature,
    };
    const res = await postRaw(t, '/webhooks/forgejo/forge', headers, GITEA_PUSH);
    expect(res.status).toBe(200);
    expect((await detail(res.body.id)).body).toMatchObject({
      provider: 'gitea',
      endpoint: 'forge',
      type: 'push',
      providerDeliveryId: delivery,
    });
  });
});
