import { generateKeyPairSync, sign } from 'node:crypto';
import { verifyKey } from 'discord-interactions';
import {
  ADMIN_TOKEN,
  createTestApp,
  ManualClock,
  postRaw,
  testConfig,
  TestApp,
} from '../helpers/test-app';
import { rawEd25519 } from './cases/public-key-pairs';
import { providerFixture } from './cases/signed-json-case';

const NOW = new Date('2026-11-27T12:00:00Z');
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const KEY = rawEd25519(publicKey).toString('hex');
const URL = '/webhooks/discord/app';
const EVENT = providerFixture('discord', 'event-application-authorized.json');
const COMMAND = providerFixture('discord', 'interaction-user-command.json');

function headers(body: Buffer, key = privateKey): Record<string, string> {
  const ts = String(Math.floor(NOW.getTime() / 1000));
  return {
    'content-type': 'application/json',
    'x-signature-ed25519': sign(null, Buffer.concat([Buffer.from(ts), body]), key).toString('hex'),
    'x-signature-timestamp': ts,
  };
}

/**
 * What is Discord's own: both PINGs answered and never stored, webhook events answered 204 and
 * de-duplicated by content, the deferral per interaction kind, invalid signatures refused 401 as
 * Discord's endpoint checks require, and discord-interactions agreeing on what was accepted. The
 * contract (interactions, rotation, refusals, window) is in contract.e2e-spec.ts, cases/discord.ts.
 */
describe('Discord receiver end to end', () => {
  let t: TestApp;
  const post = (body: Buffer, h = headers(body)) => postRaw(t, URL, h, body);
  const stored = async () =>
    (
      await t
        .http()
        .get('/admin/deliveries?provider=discord&limit=500')
        .set('authorization', `Bearer ${ADMIN_TOKEN}`)
    ).body.items as { id: string; type: string; providerDeliveryId: string }[];

  beforeAll(async () => {
    t = await createTestApp(
      testConfig({ endpoints: [{ provider: 'discord', id: 'app', secrets: [KEY] }] }),
      { clock: new ManualClock(NOW) },
    );
  });
  afterAll(() => t?.close());

  it.each([
    [
      'an interaction PING with PONG as JSON',
      '{"application_id":"1","id":"2","token":"t","type":1,"version":1}',
      200,
      '{"type":1}',
    ],
    [
      'a webhook-event PING with an empty 204',
      '{"version":1,"application_id":"1","type":0}',
      204,
      '',
    ],
  ])('answers %s, and stores nothing', async (_label, text, status, answer) => {
    const before = (await stored()).length;
    const body = Buffer.from(text);
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.text).toBe(answer);
    if (status === 200) expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(
      await verifyKey(
        body,
        headers(body)['x-signature-ed25519'],
        headers(body)['x-signature-timestamp'],
        KEY,
      ),
    ).toBe(true);
    expect((await stored()).length).toBe(before);
  });

  it('refuses a PING with an invalid signature 401, as Discord checks', async () => {
    const body = Buffer.from('{"application_id":"1","id":"2","token":"t","type":1,"version":1}');
    const forged = headers(body, generateKeyPairSync('ed25519').privateKey);
    const res = await post(body, forged);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'signature', message: expect.stringMatching(/public key/) });
  });

  it('stores a webhook event by its event.type, answers 204, and stores a redelivery once', async () => {
    const first = await post(EVENT);
    expect(first.status).toBe(204);
    expect(first.text).toBe('');
    expect(first.headers['x-hookgate-duplicate']).toBe('false');
    const again = await post(EVENT);
    expect(again.status).toBe(204);
    expect(again.headers).toMatchObject({
      'x-hookgate-duplicate': 'true',
      'x-hookgate-delivery-id': first.headers['x-hookgate-delivery-id'],
    });
    const events = (await stored()).filter((d) => d.type === 'APPLICATION_AUTHORIZED');
    expect(events).toHaveLength(1);
    expect(events[0].providerDeliveryId).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    [3, '{"type":6}'],
    [5, '{"type":5}'],
    [4, '{"type":8,"data":{"choices":[]}}'],
  ])('defers an interaction of type %i with %s', async (type, answer) => {
    const body = Buffer.from(
      COMMAND.toString()
        .replace('"type": 2,\n    "version"', `"type": ${type},\n    "version"`)
        .replace('867794291820986368', `1${type}`),
    );
    expect(body.toString()).toContain(`"type": ${type},\n    "version"`);
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(res.text).toBe(answer);
  });
});
