import { createHmac } from 'node:crypto';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import {
  TRELLO_ACTION as ACTION,
  trelloActionWithId as withActionId,
  trelloHeaders,
} from './cases/trello';

const SECRET = 'trello-application-secret-0123456789abcdef';
const URL = '/webhooks/trello/boards';
const PUBLIC_URL = 'https://hooks.example.com/webhooks/trello/boards';
const REGISTERED = 'https://hooks.example.com/webhooks/trello/cards?via=trello';

/** Signs like Trello's documentation sample: body text + callback URL, HMAC-SHA1, base64. */
const headersFor = (body: Buffer, callbackUrl = PUBLIC_URL, secret = SECRET) =>
  trelloHeaders(body, callbackUrl, secret);

/**
 * What is Trello's own: the callback URL a signature covers (publicUrl exactly, or
 * options.callbackUrl), and the HEAD handshake. The contract every receiver keeps (the action,
 * retries, refusals) is in contract.e2e-spec.ts, row cases/trello.ts.
 */
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
  });
});
