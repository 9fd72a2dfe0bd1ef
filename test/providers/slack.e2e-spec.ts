import { isValidSlackRequest } from '@slack/bolt';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import {
  interactivity,
  SLACK_FORM as FORM,
  slackFixture as fixture,
  slackSignedHeaders,
} from './cases/slack';

const SECRET = 'slack-signing-secret-current';
const URL = '/webhooks/slack/app';
const NOW = new Date('2026-11-27T12:00:00Z');
const nowSeconds = () => String(Math.floor(NOW.getTime() / 1000));

const slackHeaders = (
  body: Buffer,
  contentType: string,
  timestamp = nowSeconds(),
  secret = SECRET,
) => slackSignedHeaders(body, contentType, timestamp, secret);

/**
 * What is Slack's own: slash commands and interactivity forms, the published vector, the
 * url_verification and ssl_check handshakes, the timestamp header's own refusals, a per-endpoint
 * window, and agreement with @slack/bolt. The contract every receiver keeps (Events API delivery,
 * retries, rotation, refusals, the 300 s window) is in contract.e2e-spec.ts, row cases/slack.ts.
 */
describe('Slack receiver end to end', () => {
  let t: TestApp;
  const clock = new ManualClock(NOW);
  const admin = (path: string) =>
    t.http().get(`/admin${path}`).set('authorization', `Bearer ${ADMIN_TOKEN}`);
  const storedCount = async () =>
    (await admin('/deliveries?provider=slack&limit=500')).body.items.length as number;

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({
        endpoints: [
          // The secret being rotated in comes first; Slack still signs with the current one.
          { provider: 'slack', id: 'app', secrets: ['slack-signing-secret-next', SECRET] },
          { provider: 'slack', id: 'strict', secrets: [SECRET], options: { toleranceSeconds: 60 } },
          {
            provider: 'slack',
            id: 'vector',
            secrets: ['8f742231b10e8888abcd99yyyzzz85a5'],
            options: { toleranceSeconds: 0 },
          },
        ],
      }),
      { clock },
    );
  });
  afterAll(() => t.close());
  afterEach(() => clock.set(NOW));

  it.each([
    [
      'a slash command (signed over the encoded form)',
      fixture('slash-command.txt'),
      'slash_command',
      '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
    ],
    [
      'a block_actions interactivity payload',
      interactivity(fixture('block-actions.json')),
      'block_actions',
      '12321423423.333649436676.d8c1bb837935619ccad0f624c448ffb3',
    ],
  ])('stores %s with its trigger_id', async (_case, body, type, triggerId) => {
    const res = await postRaw(t, URL, slackHeaders(body, FORM), body);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    const detail = await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`);
    expect(detail.body).toMatchObject({ type, providerDeliveryId: triggerId });
  });

  it("accepts Slack's published vector (window off on that endpoint)", async () => {
    const headers = {
      'content-type': FORM,
      'x-slack-request-timestamp': '1531420618',
      'x-slack-signature': 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    };
    const res = await postRaw(t, '/webhooks/slack/vector', headers, fixture('slash-command.txt'));
    expect(res.status).toBe(200);
    const detail = await admin(`/deliveries/${res.headers['x-hookgate-delivery-id']}`);
    expect(detail.body).toMatchObject({ endpoint: 'vector', type: 'slash_command' });
  });

  describe('timestamp window', () => {
    const body = fixture('event-callback.json');
    it.each([
      ['90 s old on an endpoint with toleranceSeconds: 60', '/webhooks/slack/strict', -90, 401],
      ['45 s old on that endpoint', '/webhooks/slack/strict', -45, 200],
    ])('%s → %s', async (_case, url, offset, status) => {
      const unique = Buffer.from(
        body.toString().replace('Ev123ABC456', `EvWINDOW${offset}${url.length}`),
      );
      const res = await postRaw(
        t,
        url,
        slackHeaders(unique, 'application/json', String(+nowSeconds() + offset)),
        unique,
      );
      expect(res.status).toBe(status);
      if (status === 401) expect(res.body.error).toBe('stale-timestamp');
    });
  });

  describe('handshakes', () => {
    it('answers a signed url_verification with {"challenge"} as JSON, and stores nothing', async () => {
      const before = await storedCount();
      const body = fixture('url-verification.json');
      const res = await postRaw(t, URL, slackHeaders(body, 'application/json'), body);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({
        challenge: '3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P',
      });
      expect(await storedCount()).toBe(before);
    });

    it('refuses an unsigned url_verification (401)', async () => {
      const body = fixture('url-verification.json');
      const res = await postRaw(t, URL, { 'content-type': 'application/json' }, body);
      expect(res.status).toBe(401);
    });

    it('answers an unsigned ssl_check with an empty 200, and ignores and stores nothing else in it', async () => {
      const before = await storedCount();
      const plain = await postRaw(
        t,
        URL,
        { 'content-type': FORM },
        'ssl_check=1&token=xyzz0WbapA4vBCDEFasx0q6G',
      );
      const smuggled = await postRaw(
        t,
        URL,
        { 'content-type': FORM },
        `ssl_check=1&${fixture('slash-command.txt')}`,
      );
      for (const res of [plain, smuggled]) {
        expect(res.status).toBe(200);
        expect(res.text).toBe('');
        expect(res.headers['x-hookgate-delivery-id']).toBeUndefined();
      }
      expect(await storedCount()).toBe(before);
    });
  });

  describe('refusals', () => {
    const body = fixture('event-callback.json');

    it.each([
      [
        'without a timestamp',
        (h: Record<string, string>) => ({ ...h, 'x-slack-request-timestamp': '' }),
      ],
      [
        'signed over another timestamp',
        (h: Record<string, string>) => ({
          ...h,
          'x-slack-request-timestamp': String(+nowSeconds() - 1),
        }),
      ],
    ])('401 when %s', async (_case, mutate) => {
      const res = await postRaw(t, URL, mutate(slackHeaders(body, 'application/json')), body);
      expect(res.status).toBe(401);
      expect(res.body.error).toBe('signature');
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    });

    it('401 for a form body decoded and re-encoded after signing', async () => {
      const form = interactivity(fixture('block-actions.json'));
      const reencoded = Buffer.from(new URLSearchParams(form.toString()).toString());
      expect(reencoded.equals(form)).toBe(false);
      expect((await postRaw(t, URL, slackHeaders(form, FORM), reencoded)).status).toBe(401);
    });
  });

  describe('agrees with @slack/bolt verifySlackRequest on the same requests', () => {
    const json = fixture('event-callback.json');
    const form = fixture('slash-command.txt');
    const old = String(+nowSeconds() - 360);
    // [case, body, content type, headers, bolt-js and the gateway both accept?]
    const requests: [string, Buffer, string, Record<string, string>, boolean][] = [
      ['a signed event', json, 'application/json', slackHeaders(json, 'application/json'), true],
      ['a signed slash command', form, FORM, slackHeaders(form, FORM), true],
      [
        'a wrong secret',
        json,
        'application/json',
        slackHeaders(json, 'application/json', nowSeconds(), 'other'),
        false,
      ],
      [
        'a 6-minute-old request',
        json,
        'application/json',
        slackHeaders(json, 'application/json', old),
        false,
      ],
      [
        'a tampered form',
        Buffer.from(form.toString().replace('roadrunner', 'coyote')),
        FORM,
        slackHeaders(form, FORM),
        false,
      ],
    ];

    it.each(requests)('%s', async (_case, body, contentType, headers, accepted) => {
      const bolt = isValidSlackRequest({
        signingSecret: SECRET,
        body: body.toString('utf8'),
        headers: {
          'x-slack-signature': headers['x-slack-signature'],
          'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']),
        },
        nowMilliseconds: NOW.getTime(),
      });
      const res = await postRaw(
        t,
        '/webhooks/slack/strict',
        { ...headers, 'content-type': contentType },
        body,
      );
      expect(bolt).toBe(accepted);
      expect(res.status === 200).toBe(accepted);
    });
  });
});
