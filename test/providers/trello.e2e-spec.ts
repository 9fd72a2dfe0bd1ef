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

const ACTION = readFileSync(
  join(__dirname, '../../src/receivers/trello/fixtures/update-card.json'),
);
const SECRET = 'trello-application-secret-0123456789abcdef';
const URL = '/webhooks/trello/boards';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/trello/boards';
const REGISTERED = 'https://hooks.example.com/webhooks/trello/cards?via=trello';

/** Signs like Trello's documentation sample: body text + callback URL, HMAC-SHA1, base64. */
function headersFor(
  body: Buffer,
  callbackUrl = PUBLIC_URL,
  secret = SECRET,
): Record<string, string> {
  const signature = createHmac('sha1', secret)
    .update(body.toString('utf8') + callbackUrl)
    .digest('base64');
  return { 'content-type': 'application/json', 'x-trello-webhook': signature };
}
const withActionId = (id: string) =>
  Buffer.from(ACTION.toString().replace('5a4a7d1b6f0fb7c5a14e2d11', id));

describe('Trello receiver end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=trello&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          {
            provider: 'trello',
            id: 'boards',
            secrets: ['trello-next-secret', SECRET],
            publicUrl: PUBLIC_URL,
          },
          {
            provider: 'trello',
            id: 'cards',
            secrets: [SECRET],
            publicUrl: PUBLIC_URL,
            options: { callbackUrl: REGISTERED },
          },
        ],
      }),
      { clock: new ManualClock() },
    );
  });
  afterAll(() => t.close());

  it('stores an action as action.type / action.id, verified over body + publicUrl', async () => {
    const res = await postRaw(t, URL, headersFor(ACTION), ACTION);
    expect(res.status).toBe(200);
    expect(res.body.duplicate).toBe(false);
    const detail = await admin(`/deliveries/${res.body.id}`);
    expect(detail.body).toMatchObject({
      provider: 'trello',
      type: 'updateCard',
      providerDeliveryId: '5a4a7d1b6f0fb7c5a14e2d11',
    });
    expect(detail.body.payload.action.memberCreator.fullName).toBe('Ana Pérez');
  });

  it("stores Trello's retry of the same action once", async () => {
    const body = withActionId('5a4a7d1b6f0fb7c5a14e9999');
    const first = await postRaw(t, URL, headersFor(body), body);
    const retry = await postRaw(t, URL, headersFor(body), body);
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ id: first.body.id, duplicate: true });
  });

  it('verifies against options.callbackUrl when set, not publicUrl', async () => {
    const body = withActionId('5a4a7d1b6f0fb7c5a14e0001');
    expect(
      (await postRaw(t, '/webhooks/trello/cards', headersFor(body, REGISTERED), body)).status,
    ).toBe(200);
    expect(
      (await postRaw(t, '/webhooks/trello/cards', headersFor(body, PUBLIC_URL), body)).status,
    ).toBe(401);
  });

  it('answers HEAD with 200 and an empty body, and stores nothing', async () => {
    const before = await storedCount();
    const res = await t.http().head(URL);
    expect(res.status).toBe(200);
    expect(res.text ?? '').toBe('');
    expect(await storedCount()).toBe(before);
  });

  describe('refusals', () => {
    it.each([
      ['unsigned', { 'content-type': 'application/json' }],
      ['signed with a wrong secret', headersFor(ACTION, PUBLIC_URL, 'wrong-secret')],
      ['signed for the URL with a trailing slash', headersFor(ACTION, `${PUBLIC_URL}/`)],
      [
        'signed for http instead of https',
        headersFor(ACTION, PUBLIC_URL.replace('https:', 'http:')),
      ],
      [
        'signed over the body alone',
        {
          'content-type': 'application/json',
          'x-trello-webhook': createHmac('sha1', SECRET).update(ACTION).digest('base64'),
        },
      ],
    ])('401 when %s', async (_case, headers) => {
      const res = await postRaw(t, URL, headers, ACTION);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('415 for an unsupported content type', async () => {
      const res = await postRaw(
        t,
        URL,
        { ...headersFor(ACTION), 'content-type': 'text/plain' },
        ACTION,
      );
      expect(res.status).toBe(415);
    });

    it('400 for a signed body that is not JSON, or has no action.type', async () => {
      const garbage = Buffer.from('{"action":');
      expect((await postRaw(t, URL, headersFor(garbage), garbage)).status).toBe(400);
      const noAction = Buffer.from('{"model":{"id":"5a4a7cb8bc6c8b6b8a6f2f43"}}');
      expect((await postRaw(t, URL, headersFor(noAction), noAction)).status).toBe(400);
    });

    it('405 for GET', async () => {
      const res = await t.http().get(URL);
      expect(res.status).toBe(405);
    });
  });
});
