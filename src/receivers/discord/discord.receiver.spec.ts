import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyKey } from 'discord-interactions';
import type { IncomingWebhook } from '../receiver';
import { discordReceiver } from './discord.receiver';

/**
 * Discord publishes no vector: requests are signed here with a key pair the test makes, by the
 * documented scheme (Ed25519 over timestamp + body) with node:crypto, and discord-interactions
 * 4.4.0's `verifyKey` must agree with the receiver on each.
 */
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const KEY = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('hex');
const NOW = new Date();
const TS = String(Math.floor(NOW.getTime() / 1000));
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

function signed(body: Buffer, ts = TS, key = privateKey): IncomingWebhook {
  const signature = sign(null, Buffer.concat([Buffer.from(ts), body]), key).toString('hex');
  return {
    method: 'POST',
    url: 'http://localhost/webhooks/discord/app',
    query: {},
    headers: { 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
    rawBody: body,
    contentType: 'application/json',
  };
}
const verify = (req: IncomingWebhook) =>
  discordReceiver.verify(req, { secrets: [KEY], options: {}, now: NOW });
const sdkVerifies = (req: IncomingWebhook) =>
  verifyKey(
    req.rawBody,
    req.headers['x-signature-ed25519']!,
    req.headers['x-signature-timestamp']!,
    KEY,
  );

describe('Discord signatures, with discord-interactions agreeing', () => {
  const body = fixture('interaction-user-command.json');
  const other = generateKeyPairSync('ed25519').privateKey;

  it.each<[string, IncomingWebhook, boolean]>([
    ['a request signed with the application key', signed(body), true],
    [
      'the body changed after signing',
      { ...signed(body), rawBody: Buffer.from(`${body} `) },
      false,
    ],
    [
      'another timestamp',
      {
        ...signed(body),
        headers: { ...signed(body).headers, 'x-signature-timestamp': String(Number(TS) + 1) },
      },
      false,
    ],
    ['another key', signed(body, TS, other), false],
  ])('%s: the SDK and the receiver agree', async (_label, req, valid) => {
    expect(await sdkVerifies(req)).toBe(valid);
    expect((await verify(req)).ok).toBe(valid);
  });

  it('takes the public key as the developer portal shows it, and nothing else', () => {
    expect(discordReceiver.checkSecret!(KEY)).toBeUndefined();
    expect(discordReceiver.checkSecret!(KEY.toUpperCase())).toBeUndefined();
    for (const bad of [KEY.slice(2), Buffer.from(KEY, 'hex').toString('base64'), 'bot-token']) {
      expect(discordReceiver.checkSecret!(bad)).toMatch(
        /^is not a 64-character hex Ed25519 public key, as the Discord developer portal shows it/,
      );
    }
  });
});

describe('Discord payloads', () => {
  const payload = (body: Buffer | string) => discordReceiver.parse(signed(Buffer.from(body)));

  it('answers an interaction PING with PONG and an event PING with an empty 204', () => {
    const ping = '{"application_id":"1","id":"2","token":"t","type":1,"version":1}';
    const answer = (body: string) =>
      discordReceiver.handshakeAfterVerify!(signed(Buffer.from(body)), payload(body));
    expect(answer(ping)).toEqual({ status: 200, body: { type: 1 } });
    expect(answer('{"version":1,"application_id":"1","type":0}')).toEqual({ status: 204 });
    expect(answer(fixture('interaction-user-command.json').toString())).toBeUndefined();
    expect(answer(fixture('event-application-authorized.json').toString())).toBeUndefined();
  });

  it('types an interaction by its kind under its id, at its snowflake time', () => {
    const body = fixture('interaction-user-command.json');
    expect(discordReceiver.normalize(signed(body), payload(body))).toEqual({
      type: 'interaction.application_command',
      providerDeliveryId: '867794291820986368',
      // (867794291820986368 >> 22) + 1420070400000 ms
      occurredAt: new Date('2021-07-22T15:44:42.008Z'),
    });
  });

  it('types a webhook event by event.type under the body hash, at its (UTC) timestamp', () => {
    const body = fixture('event-application-authorized.json');
    expect(discordReceiver.normalize(signed(body), payload(body))).toEqual({
      type: 'APPLICATION_AUTHORIZED',
      providerDeliveryId: expect.stringMatching(/^[0-9a-f]{64}$/),
      occurredAt: new Date('2024-10-18T14:42:53.064Z'),
    });
  });

  it.each([
    ['{"type":1,"event":{"timestamp":"x"}}', /no "event.type"/],
    ['{"type":2,"token":"t"}', /neither an interaction/],
  ])('refuses %s as malformed', (body, message) => {
    expect(() => discordReceiver.normalize(signed(Buffer.from(body)), payload(body))).toThrow(
      message,
    );
  });

  it.each([
    ['interaction.application_command', 200, { type: 5 }],
    ['interaction.modal_submit', 200, { type: 5 }],
    ['interaction.message_component', 200, { type: 6 }],
    ['interaction.application_command_autocomplete', 200, { type: 8, data: { choices: [] } }],
    ['APPLICATION_AUTHORIZED', 204, undefined],
  ])(
    'acknowledges %s with %i and a deferral, id and duplicate in headers',
    (type, status, body) => {
      const answer = discordReceiver.acknowledge!({ id: 'd1', duplicate: true }, { type });
      expect(answer).toEqual({
        status,
        headers: { 'x-hookgate-delivery-id': 'd1', 'x-hookgate-duplicate': 'true' },
        ...(body && { body }),
      });
    },
  );
});
