import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Telnyx from 'telnyx';
import type { IncomingWebhook } from '../receiver';
import { telnyxReceiver } from './telnyx.receiver';

/**
 * Telnyx publishes no vector: requests are signed here with a key pair the test makes, by the
 * documented scheme (Ed25519 over `timestamp|body`), and telnyx 7.24.0's `webhooks.unwrap`
 * (which verifies against the real clock) must agree with the receiver on each.
 */
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const KEY = publicKey.export({ type: 'spki', format: 'der' }).subarray(-32).toString('base64');
const NOW = new Date();
const TS = String(Math.floor(NOW.getTime() / 1000));
/** The SDK reads the real clock: window cases are signed at the moment they are checked. */
const secondsNow = () => Math.floor(Date.now() / 1000);
const BODY = readFileSync(join(__dirname, 'fixtures', 'call-ai-gather-ended.json'));
const client = new Telnyx({ apiKey: 'KEY_unused', publicKey: KEY });

function signed(body = BODY, ts = TS, key = privateKey): IncomingWebhook {
  const data = Buffer.concat([Buffer.from(`${ts}|`), body]);
  return {
    method: 'POST',
    url: 'http://localhost/webhooks/telnyx/voice',
    query: {},
    headers: {
      'telnyx-signature-ed25519': sign(null, data, key).toString('base64'),
      'telnyx-timestamp': ts,
    },
    rawBody: body,
    contentType: 'application/json',
  };
}
const sdkAccepts = (req: IncomingWebhook) =>
  client.webhooks
    .unwrap(req.rawBody.toString(), { headers: req.headers as Record<string, string> })
    .then(
      () => true,
      () => false,
    );
const verify = async (req: IncomingWebhook, now = NOW) =>
  (await telnyxReceiver.verify(req, { secrets: [KEY], options: {}, now })).ok;

describe('Telnyx signatures, with the telnyx SDK agreeing', () => {
  const edit = (req: IncomingWebhook, headers: Record<string, string>) => ({
    ...req,
    headers: { ...req.headers, ...headers },
  });
  it.each<[string, IncomingWebhook, boolean]>([
    ['a request signed with the account key', signed(), true],
    ['the body changed after signing', { ...signed(), rawBody: Buffer.from(`${BODY} `) }, false],
    ['another timestamp', edit(signed(), { 'telnyx-timestamp': String(Number(TS) - 1) }), false],
    ['another key', signed(BODY, TS, generateKeyPairSync('ed25519').privateKey), false],
  ])('%s: the SDK and the receiver agree', async (_label, req, valid) => {
    expect(await sdkAccepts(req)).toBe(valid);
    expect(await verify(req)).toBe(valid);
  });

  it.each<[string, number, boolean]>([
    ['signed 301 s ago', -301, false],
    ['signed 301 s ahead', 301, false],
    ['signed 299 s ago', -299, true],
  ])('%s: the SDK and the receiver agree on the window', async (_label, offset, valid) => {
    const now = secondsNow();
    const req = signed(BODY, String(now + offset));
    expect(await sdkAccepts(req)).toBe(valid);
    expect(await verify(req, new Date(now * 1000))).toBe(valid);
  });

  it('takes the public key as Mission Control shows it, and nothing else', () => {
    expect(telnyxReceiver.checkSecret!(KEY)).toBeUndefined();
    for (const bad of [Buffer.from(KEY, 'base64').toString('hex'), 'KEY0123456789', '']) {
      expect(telnyxReceiver.checkSecret!(bad)).toMatch(/^is not a base64 Ed25519 public key/);
    }
  });
});

describe('Telnyx events', () => {
  const normalize = (body: string | Buffer) => {
    const req = signed(Buffer.from(body));
    return telnyxReceiver.normalize(req, telnyxReceiver.parse(req));
  };

  it('types an event by data.event_type under data.id, at data.occurred_at', () => {
    expect(normalize(BODY)).toEqual({
      type: 'call.ai_gather.ended',
      providerDeliveryId: '0ccc7b54-4df3-4bca-a65a-3da1ecc777f0',
      occurredAt: new Date('2018-02-02T22:25:27.521Z'),
    });
  });

  it('keeps the id for another attempt (meta.attempt)', () => {
    const retry = BODY.toString().replace('"attempt": 1', '"attempt": 2');
    expect(retry).not.toBe(BODY.toString());
    expect(normalize(retry).providerDeliveryId).toBe('0ccc7b54-4df3-4bca-a65a-3da1ecc777f0');
  });

  it('types a flat callback by its record_type, under the hash of its body', () => {
    const body = '{"record_type":"link_clicked","url":"https://telnyx.com","to":"18445550001"}';
    expect(normalize(body)).toEqual({
      type: 'link_clicked',
      providerDeliveryId: createHash('sha256').update(body).digest('hex'),
    });
  });

  it('refuses a body with neither an event type nor a record type', () => {
    expect(() => normalize('{"data":{"id":"x"}}')).toThrow(/no "data.event_type"/);
  });
});
