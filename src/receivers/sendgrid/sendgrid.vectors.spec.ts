import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventWebhook } from '@sendgrid/eventwebhook';
import type { IncomingWebhook } from '../receiver';
import { sendgridReceiver } from './sendgrid.receiver';

/**
 * SendGrid's own evidence: the test vectors of @sendgrid/eventwebhook 8.0.0 (sendgrid-nodejs
 * `packages/eventwebhook/src/eventwebhook.spec.js`), and the SDK as the verifier of requests
 * signed here. The fixtures are the vectors' payloads byte for byte.
 */
const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));
const VECTORS = [
  {
    name: 'one event',
    body: fixture('dropped.json'),
    key: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==',
    signature:
      'MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=',
    timestamp: '1600112502',
  },
  {
    name: 'two events',
    body: fixture('processed-bounce.json'),
    key: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEQ4LIFtWztlsF7skFqOncjD1lun4H5w8XOhyOArHW9RcIx/FfEzx6cikC/yPfUvwaX/JScE7Fc9CJD2afQ9Ok3Q==',
    signature:
      'MEYCIQC/I4o6vCgqRYrTljjoVWB/GRWNtxeePlLMHr3x9ETeRQIhAIpV+03nREPTTHWSW0wIOA0EoMPdcNgXa70yCaqDJlu5',
    timestamp: '1619651159',
  },
];
/** The vector's key that belongs to no vector ("should reject for invalid key"). */
const FOREIGN_KEY =
  'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEqTxd43gyp8IOEto2LdIfjRQrIbsd4SXZkLW6jDutdhXSJCWHw8REntlo7aNDthvj+y7GjUuFDb/R1NGe1OPzpA==';

const request = (body: Buffer, signature: string, timestamp: string): IncomingWebhook => ({
  method: 'POST',
  url: 'http://localhost/webhooks/sendgrid/mail',
  query: {},
  headers: {
    'x-twilio-email-event-webhook-signature': signature,
    'x-twilio-email-event-webhook-timestamp': timestamp,
  },
  rawBody: body,
  contentType: 'application/json',
});
const at = (timestamp: string) => new Date(Number(timestamp) * 1000);
const sdk = new EventWebhook();
const sdkVerifies = (key: string, body: Buffer, signature: string, timestamp: string) =>
  sdk.verifySignature(sdk.convertPublicKeyToECDSA(key), body, signature, timestamp);

describe('SendGrid against its SDK test vectors', () => {
  it.each(VECTORS)('accepts the vector with $name, as the SDK does', (v) => {
    expect(sdkVerifies(v.key, v.body, v.signature, v.timestamp)).toBe(true);
    expect(sendgridReceiver.checkSecret!(v.key)).toBeUndefined();
    const ctx = { secrets: [v.key], options: {}, now: at(v.timestamp) };
    expect(sendgridReceiver.verify(request(v.body, v.signature, v.timestamp), ctx)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each<[string, (v: (typeof VECTORS)[0]) => [string, Buffer, string, string]]>([
    ['another key', (v) => [FOREIGN_KEY, v.body, v.signature, v.timestamp]],
    ['another payload', (v) => [v.key, Buffer.from('payload'), v.signature, v.timestamp]],
    [
      'the body without its final CRLF',
      (v) => [v.key, v.body.subarray(0, -2), v.signature, v.timestamp],
    ],
    ['another timestamp', (v) => [v.key, v.body, v.signature, String(Number(v.timestamp) + 1)]],
    [
      "the SDK spec's bad signature",
      (v) => [
        v.key,
        v.body,
        'MEUCIQCtIHJeH93Y+qpYeWrySphQgpNGNr/U+UyUlBkU6n7RAwIgJTz2C+8a8xonZGi6BpSzoQsbVRamr2nlxFDWYNH3j/0=',
        v.timestamp,
      ],
    ],
  ])('refuses the first vector with %s, as the SDK does', (_label, change) => {
    const [key, body, signature, timestamp] = change(VECTORS[0]);
    expect(sdkVerifies(key, body, signature, timestamp)).toBe(false);
    const ctx = { secrets: [key], options: {}, now: at(VECTORS[0].timestamp) };
    expect(sendgridReceiver.verify(request(body, signature, timestamp), ctx)).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it('agrees with the SDK on a request signed here with a new P-256 key', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const key = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    const timestamp = '1764244800';
    const body = VECTORS[1].body;
    const data = Buffer.concat([Buffer.from(timestamp), body]);
    const signature = sign('sha256', data, { key: privateKey, dsaEncoding: 'der' }).toString(
      'base64',
    );
    expect(sdkVerifies(key, body, signature, timestamp)).toBe(true);
    const ctx = { secrets: [key], options: {}, now: at(timestamp) };
    expect(sendgridReceiver.verify(request(body, signature, timestamp), ctx)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('refuses at start-up a key that is no P-256 SPKI, saying what is expected', () => {
    const ed = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'der' });
    for (const bad of [ed.toString('base64'), 'MFkw', VECTORS[0].signature]) {
      expect(sendgridReceiver.checkSecret!(bad)).toMatch(/^is not a base64 ECDSA P-256 public key/);
    }
  });
});
