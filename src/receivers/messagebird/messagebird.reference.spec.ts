import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingWebhook } from '../receiver';
import { messagebirdReceiver } from './messagebird.receiver';

/**
 * MessageBird's published reference file, copied as is from messagebird-nodejs
 * (lib/testdata/webhook-signature-jwt-reference.json): every case, valid and invalid, checked
 * through the receiver with the clock pinned to the case's timestamp, as the SDK's own test does.
 */
interface ReferenceCase {
  readonly name: string;
  readonly method: string;
  readonly secret?: string;
  readonly url: string;
  readonly payload?: string;
  readonly timestamp: string;
  readonly token: string;
  readonly valid: boolean;
  readonly reason?: string;
}

const CASES: readonly ReferenceCase[] = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/webhook-signature-jwt-reference.json'), 'utf8'),
);
// The one case without a secret ("none alg") must fail whatever key is configured.
const ANY_KEY = CASES.find((c) => c.secret)!.secret!;

function request(c: ReferenceCase): IncomingWebhook {
  return {
    method: c.method,
    url: c.url,
    query: {},
    headers: { 'messagebird-signature-jwt': c.token },
    rawBody: Buffer.from(c.payload ?? '', 'utf8'),
    contentType: 'application/json',
  };
}

describe('MessageBird reference vectors (messagebird-nodejs, 44 cases)', () => {
  it('holds all 44 cases, 24 valid', () => {
    expect(CASES).toHaveLength(44);
    expect(CASES.filter((c) => c.valid)).toHaveLength(24);
  });

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await messagebirdReceiver.verify(request(c), {
      secrets: [c.secret ?? ANY_KEY],
      options: {},
      now: new Date(c.timestamp),
    });
    expect(result.ok).toBe(c.valid);
  });

  it.each([
    ['Token received before it was issued - GET', 'stale-timestamp', /not valid yet/],
    ['Token received after it was expired - GET', 'stale-timestamp', /expired/],
    ['Different secret - GET', 'signature', /does not match any configured signing key/],
    ['none alg - GET', 'signature', /algorithm is not accepted/],
    [
      'Token received on different URL (parameters were sorted out of order) - GET',
      'signature',
      /url_hash/,
    ],
    ['Payload does not match - POST', 'signature', /payload_hash/],
    ['payload was removed in transit - POST', 'signature', /payload_hash/],
    ['payload was added in transit - POST', 'signature', /no payload_hash/],
  ])('refuses "%s" as %s, saying why', async (name, reason, message) => {
    const c = CASES.find((one) => one.name === name)!;
    expect(c.valid).toBe(false);
    const result = await messagebirdReceiver.verify(request(c), {
      secrets: [c.secret ?? ANY_KEY],
      options: {},
      now: new Date(c.timestamp),
    });
    expect(result).toMatchObject({ ok: false, reason, message: expect.stringMatching(message) });
    expect(JSON.stringify(result)).not.toContain(ANY_KEY);
  });

  it('accepts a valid case with the matching key second in the list (rotation)', async () => {
    const c = CASES.find((one) => one.valid)!;
    const result = await messagebirdReceiver.verify(request(c), {
      secrets: ['an-older-signing-key', c.secret!],
      options: {},
      now: new Date(c.timestamp),
    });
    expect(result).toEqual({ ok: true, secretIndex: 1 });
  });
});
