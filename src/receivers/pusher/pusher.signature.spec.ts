import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Pusher from 'pusher';
import { parsePusherSecret } from './pusher.secrets';
import { verifyPusher } from './pusher.signature';

/** pusher-http-node's own signer (exported at runtime as Pusher.Token, not in its typings). */
const SdkToken = (Pusher as unknown as { Token: new (key: string, secret: string) => SdkToken })
  .Token;
interface SdkToken {
  sign(body: string): string;
}
const sdkSign = (secret: string, body: Buffer) =>
  new SdkToken('any', secret).sign(body.toString('utf8'));
/** The documented scheme computed here with node:crypto, not with src/. */
const cryptoSign = (secret: string, body: Buffer) =>
  createHmac('sha256', secret).update(body).digest('hex');

/** Whether pusher-http-node accepts the request for the configured entries. */
function sdkAccepts(headers: Record<string, string>, body: Buffer, entries: string[]): boolean {
  const tokens = entries.map(parsePusherSecret).map(({ appKey, secret }) => ({
    // A bare secret applies to whatever key the request names.
    key: appKey ?? headers['x-pusher-key'] ?? '',
    secret,
  }));
  const [first, ...extra] = tokens;
  const pusher = new Pusher({ appId: '1', key: first.key, secret: first.secret, cluster: 'mt1' });
  try {
    return pusher.webhook({ headers, rawBody: body.toString('utf8') }).isValid(extra);
  } catch {
    // pusher-http-node throws a TypeError when X-Pusher-Signature is missing: not valid.
    return false;
  }
}

const ours = (headers: Record<string, string>, body: Buffer, entries: string[]) =>
  verifyPusher(
    { appKey: headers['x-pusher-key'], signature: headers['x-pusher-signature'], body },
    entries,
  );

describe("Pusher: pusher-http-node's published test vector", () => {
  // tests/integration/webhook.js in pusher/pusher-http-node.
  const body = Buffer.from(
    JSON.stringify({
      time_ms: 1403175510755,
      events: [{ channel: 'test_channel', name: 'channel_vacated' }],
    }),
  );
  const signature = 'c17257e92037cd7de407ebc1ed174ceb7b2e518db127f44411b9ffc4f5b28cc5';
  const headers = (key: string) => ({
    'x-pusher-key': key,
    'x-pusher-signature': signature,
    'content-type': 'application/json',
  });

  it('is reproduced by node:crypto and accepted as a bare secret and as key:secret', () => {
    expect(cryptoSign('tofu', body)).toBe(signature);
    expect(ours(headers('123456789'), body, ['tofu'])).toEqual({ ok: true, secretIndex: 0 });
    expect(ours(headers('123456789'), body, ['x:no', '123456789:tofu'])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it('is refused for another app key when only pairs are configured', () => {
    expect(ours(headers('000'), body, ['123456789:tofu'])).toEqual({
      ok: false,
      reason: 'signature',
      message: 'X-Pusher-Key "000" is not an app key configured for this endpoint.',
    });
  });
});

describe('Pusher: the gateway agrees with pusher-http-node webhook().isValid()', () => {
  const body = readFileSync(join(__dirname, 'fixtures/batch.json'));
  const KEY = '278d425bdf160c739803';
  const SECRET = '7ad3773142a6692b25b8';
  const signed = (key: string, signature: string) => ({
    'content-type': 'application/json',
    'x-pusher-key': key,
    'x-pusher-signature': signature,
  });

  // [case, headers, body received, configured secrets, valid?]
  type Case = [string, Record<string, string>, Buffer, string[], boolean];
  const cases: Case[] = [
    [
      'signed by the SDK, key:secret',
      signed(KEY, sdkSign(SECRET, body)),
      body,
      [`${KEY}:${SECRET}`],
      true,
    ],
    [
      'signed by node:crypto, key:secret',
      signed(KEY, cryptoSign(SECRET, body)),
      body,
      [`${KEY}:${SECRET}`],
      true,
    ],
    ['a bare secret', signed(KEY, sdkSign(SECRET, body)), body, [SECRET], true],
    [
      'the second app of two',
      signed('other-key', sdkSign('other-secret', body)),
      body,
      [`${KEY}:${SECRET}`, 'other-key:other-secret'],
      true,
    ],
    [
      "another app's secret under this key",
      signed(KEY, sdkSign('other-secret', body)),
      body,
      [`${KEY}:${SECRET}`, 'other-key:other-secret'],
      false,
    ],
    ['a wrong secret', signed(KEY, sdkSign('wrong', body)), body, [`${KEY}:${SECRET}`], false],
    [
      'a tampered body',
      signed(KEY, sdkSign(SECRET, body)),
      Buffer.from(body.toString().replace('member_removed', 'member_added')),
      [`${KEY}:${SECRET}`],
      false,
    ],
    [
      'an unknown app key',
      signed('unknown', sdkSign(SECRET, body)),
      body,
      [`${KEY}:${SECRET}`],
      false,
    ],
    [
      'an upper-case signature (Pusher sends lower case)',
      signed(KEY, sdkSign(SECRET, body).toUpperCase()),
      body,
      [`${KEY}:${SECRET}`],
      false,
    ],
    [
      'no signature',
      { 'content-type': 'application/json', 'x-pusher-key': KEY },
      body,
      [`${KEY}:${SECRET}`],
      false,
    ],
  ];

  it.each(cases)('%s', (_case, headers, received, entries, valid) => {
    expect(ours(headers, received, entries).ok).toBe(valid);
    expect(sdkAccepts(headers, received, entries)).toBe(valid);
  });

  it('signs the same way as node:crypto', () => {
    expect(sdkSign(SECRET, body)).toBe(cryptoSign(SECRET, body));
  });

  it('refuses a missing X-Pusher-Key, which the SDK also refuses', () => {
    const headers = {
      'content-type': 'application/json',
      'x-pusher-signature': sdkSign(SECRET, body),
    };
    expect(ours(headers, body, [SECRET])).toMatchObject({
      ok: false,
      message: 'X-Pusher-Key is missing.',
    });
    expect(
      new Pusher({ appId: '1', key: KEY, secret: SECRET, cluster: 'mt1' })
        .webhook({ headers, rawBody: body.toString() })
        .isValid(),
    ).toBe(false);
  });

  it('never treats an empty configured secret ("key:") as a key', () => {
    const headers = signed(KEY, cryptoSign('', body));
    expect(ours(headers, body, [`${KEY}:`]).ok).toBe(false);
  });

  it('does not repeat an implausible app key in the refusal', () => {
    const result = ours(signed('<script>', 'ab'), body, [`${KEY}:${SECRET}`]);
    expect(result).toMatchObject({
      ok: false,
      message: 'X-Pusher-Key is not an app key configured for this endpoint.',
    });
  });
});
