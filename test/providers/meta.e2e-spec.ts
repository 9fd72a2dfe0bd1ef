import { Logger } from '@nestjs/common';
import { ADMIN_TOKEN, createTestApp, postRaw, testConfig, TestApp } from '../helpers/test-app';
import { META_SECRET, metaFixture, metaHeaders, VERIFY_TOKEN } from './cases/meta';

const ENDPOINTS = [
  {
    provider: 'instagram',
    id: 'brand',
    secrets: [META_SECRET],
    options: { verifyToken: VERIFY_TOKEN },
  },
  {
    provider: 'whatsapp',
    id: 'support',
    secrets: [META_SECRET],
    options: { verifyToken: VERIFY_TOKEN },
  },
  {
    provider: 'facebook-messenger',
    id: 'page',
    secrets: [META_SECRET],
    options: { verifyToken: VERIFY_TOKEN },
  },
  {
    provider: 'whatsapp',
    id: 'legacy',
    secrets: [META_SECRET],
    options: { verifyToken: VERIFY_TOKEN, allowSha1: true },
  },
];
/** Meta's sample verification request, with this endpoint's token. */
const HANDSHAKE = {
  'hub.mode': 'subscribe',
  'hub.challenge': '1158201444',
  'hub.verify_token': VERIFY_TOKEN,
};

/**
 * What is Meta's own: the hub.* subscription handshake, the SHA-1 opt-in, one delivery per
 * batch typed by its items, and de-duplication on the batch's content. The contract every
 * receiver keeps is in contract.e2e-spec.ts, rows cases/{instagram,whatsapp,facebook-messenger}.ts.
 */
describe('Meta receivers end to end', () => {
  let t: TestApp;
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?limit=500')).body.items.length as number;
  const stored = async (id: string) => (await admin(`/deliveries/${id}`)).body;
  const post = (path: string, body: Buffer, headers = metaHeaders(body)) =>
    postRaw(t, path, headers, body);

  beforeAll(async () => {
    t = await createTestApp(testConfig({ endpoints: ENDPOINTS }));
  });
  afterAll(() => t.close());

  describe('the hub.* handshake', () => {
    it.each([
      '/webhooks/instagram/brand',
      '/webhooks/whatsapp/support',
      '/webhooks/messenger/page',
    ])(
      'GET %s echoes hub.challenge as text/plain with nosniff, and stores nothing',
      async (path) => {
        const before = await storedCount();
        const res = await t.http().get(path).query(HANDSHAKE);
        expect(res.status).toBe(200);
        expect(res.text).toBe('1158201444');
        expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(await storedCount()).toBe(before);
      },
    );

    it.each<[string, Record<string, string>, RegExp]>([
      [
        'a wrong verify token',
        { ...HANDSHAKE, 'hub.verify_token': 'guessed-token' },
        /^hub\.verify_token does not match options\.verifyToken/,
      ],
      [
        'no verify token',
        { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
        /^hub\.verify_token is missing/,
      ],
      [
        'mode unsubscribe',
        { ...HANDSHAKE, 'hub.mode': 'unsubscribe' },
        /^hub\.mode must be "subscribe"\.$/,
      ],
    ])('403 for %s, logged without the token, nothing stored', async (_case, query, message) => {
      const warn = jest.spyOn(Logger.prototype, 'warn');
      try {
        const before = await storedCount();
        const res = await t.http().get('/webhooks/whatsapp/support').query(query);
        expect(res.status).toBe(403);
        expect(res.body).toEqual({
          error: 'handshake-refused',
          message: expect.stringMatching(message),
        });
        const logged = warn.mock.calls.map((call) => String(call[0])).join('\n');
        expect(logged).toMatch(
          /refused GET \/webhooks\/whatsapp\/support -> 403 handshake-refused: hub\./,
        );
        for (const text of [JSON.stringify(res.body), logged]) {
          expect(text).not.toContain(VERIFY_TOKEN);
          expect(text).not.toContain('guessed-token');
        }
        expect(await storedCount()).toBe(before);
      } finally {
        warn.mockRestore();
      }
    });

    it('400 for the right token without a challenge', async () => {
      const res = await t
        .http()
        .get('/webhooks/instagram/brand')
        .query({ 'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN });
      expect(res.status).toBe(400);
      expect(res.body.error).toBe('malformed');
    });
  });

  describe('the legacy SHA-1 X-Hub-Signature', () => {
    const body = metaFixture('whatsapp', 'status-delivered.json');
    const sha1Only = () => {
      const headers = metaHeaders(body);
      delete headers['x-hub-signature-256'];
      return headers;
    };

    it('is refused without options.allowSha1, saying how to accept it', async () => {
      const res = await post('/webhooks/whatsapp/support', body, sha1Only());
      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: 'signature',
        message:
          'X-Hub-Signature-256 is missing (SHA1 X-Hub-Signature is off; set options.allowSha1 to accept it).',
      });
    });

    it('is accepted alone with options.allowSha1: true', async () => {
      const res = await post('/webhooks/whatsapp/legacy', body, sha1Only());
      expect(res.status).toBe(200);
      expect((await stored(res.body.id)).type).toBe('whatsapp_business_account.messages');
    });
  });

  describe('batches', () => {
    it('stores a batch of entries and kinds once, typed <object>.mixed', async () => {
      const res = await post(
        '/webhooks/messenger/page',
        metaFixture('facebook-messenger', 'batch-mixed.json'),
      );
      expect(res.status).toBe(200);
      expect(await stored(res.body.id)).toMatchObject({
        provider: 'facebook-messenger',
        type: 'page.mixed',
        providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    });

    it('verifies Meta-escaped bytes (\\u00e9, \\/) as sent and stores the text decoded', async () => {
      const res = await post(
        '/webhooks/instagram/brand',
        metaFixture('instagram', 'comments.json'),
      );
      expect(res.status).toBe(200);
      const delivery = await stored(res.body.id);
      expect(delivery.type).toBe('instagram.comments');
      expect(delivery.payload.entry[0].changes[0].value.text).toBe(
        'Café con leche ☕️ 😍 https://example.com/menu',
      );
    });

    it('answers a redelivery with other key order and whitespace as a duplicate, and a different event not', async () => {
      const story = metaFixture('instagram', 'story-insights.json');
      const first = await post('/webhooks/instagram/brand', story);
      const [envelope] = JSON.parse(story.toString());
      const reordered = Buffer.from(
        JSON.stringify([{ object: envelope.object, entry: envelope.entry }], null, 4),
      );
      const again = await post('/webhooks/instagram/brand', reordered);
      expect(first.body.duplicate).toBe(false);
      expect(again.body).toEqual({ id: first.body.id, duplicate: true });

      envelope.entry[0].changes[0].value.reach = 18;
      const other = await post(
        '/webhooks/instagram/brand',
        Buffer.from(JSON.stringify([envelope])),
      );
      expect(other.body.duplicate).toBe(false);
      expect(other.body.id).not.toBe(first.body.id);
    });
  });
});

describe('Meta endpoint options at start-up', () => {
  it.each<[Record<string, unknown> | undefined, string]>([
    [
      undefined,
      'endpoints[0].options.verifyToken is required: the Verify Token you typed in the Meta app dashboard',
    ],
    [
      { verifyToken: 'v', allowSha1: 'yes' },
      'endpoints[0].options.allowSha1 must be true or false',
    ],
    [
      { verifyToken: 'v', verify_token: 'v' },
      'endpoints[0].options.verify_token is not a WhatsApp option',
    ],
  ])('refuses %j, naming the option', async (options, message) => {
    const endpoint = {
      provider: 'whatsapp',
      id: 'support',
      secrets: [META_SECRET],
      ...(options && { options }),
    };
    await expect(createTestApp(testConfig({ endpoints: [endpoint] }))).rejects.toThrow(message);
  });
});
