import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { fixture, webhookRequest } from '../shared/receiver.spec-helpers';
import { sha256Hex } from '../shared/jwt/hashes';
import type { VonageOptions } from './vonage.options';
import { vonageReceiver } from './vonage.receiver';
import { vonageSdkVerdicts } from './vonage.sdk.spec-helpers';

/*
 * Tokens are signed here with jsonwebtoken (not the gateway's jose), shaped like the sample in
 * Vonage's signed-webhooks page; @vonage/jwt verifySignature must agree on every signature.
 */
const SECRET = 'vonage-signature-secret-0123456789';
const STATUS = fixture(__dirname, 'message-status.json');
const NOW = new Date('2026-11-27T12:00:00Z');
const IAT = NOW.getTime() / 1000;

function token(
  body: Buffer | string,
  claims: object = {},
  secret = SECRET,
  alg: jwt.Algorithm = 'HS256',
): string {
  const payload = {
    iat: IAT,
    jti: 'c5ba8f24-1a14-4c10-bfdf-3fbe8ce511b5',
    iss: 'Vonage',
    payload_hash: sha256Hex(body),
    api_key: 'a1b2c3d',
    application_id: 'aaaaaaaa-bbbb-cccc-dddd-0123456789ab',
    ...claims,
  };
  return jwt.sign(payload, secret, { algorithm: alg });
}
const verify = async (
  authorization: string | undefined,
  body = STATUS,
  secrets = [SECRET],
  now = NOW,
) => {
  const options: VonageOptions = { signature: 'jwt', toleranceSeconds: 300 };
  const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
  return vonageReceiver.verify(webhookRequest(headers, body), { secrets, options, now });
};
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('Vonage signed webhooks (JWT)', () => {
  const cases: [string, boolean, string][] = [
    ['a token over the body', true, token(STATUS)],
    ['another secret', false, token(STATUS, {}, 'not-the-secret')],
    [
      'alg none',
      false,
      jwt.sign({ iat: IAT, iss: 'Vonage', payload_hash: sha256Hex(STATUS) }, '', {
        algorithm: 'none',
      }),
    ],
    ['HS512 (Vonage signs HS256 only)', false, token(STATUS, {}, SECRET, 'HS512')],
    [
      'RS256 with a key of its own',
      false,
      jwt.sign({ iat: IAT, iss: 'Vonage', payload_hash: sha256Hex(STATUS) }, privateKey, {
        algorithm: 'RS256',
      }),
    ],
  ];

  it.each(cases)(
    '%s: accepted %s, as @vonage/jwt verifySignature says',
    async (_case, valid, bearer) => {
      expect((await verify(`Bearer ${bearer}`)).ok).toBe(valid);
      const [sdk] = vonageSdkVerdicts([{ kind: 'jwt', token: bearer, secret: SECRET }]);
      // verifySignature also admits RS256 with a public key; with the shared secret it refuses.
      expect(sdk).toBe(valid);
    },
  );

  it.each([
    [
      'a tampered body',
      `Bearer ${token(STATUS)}`,
      Buffer.from(STATUS.toString().replace('delivered', 'rejected')),
      /payload_hash/,
    ],
    ['no Authorization', undefined, STATUS, /missing/],
    ['Basic credentials', 'Basic dXNlcjpwdw==', STATUS, /missing/],
    [
      'no payload_hash',
      `Bearer ${token(STATUS, { payload_hash: undefined })}`,
      STATUS,
      /payload_hash.*missing/,
    ],
    ['another issuer', `Bearer ${token(STATUS, { iss: 'Someone' })}`, STATUS, /"iss"/],
  ])('refuses %s (401 signature)', async (_case, header, body, message) => {
    expect(await verify(header, body)).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
  });

  it.each([
    ['301 s old', -301],
    ['301 s ahead', 301],
  ])('refuses an iat %s as stale', async (_case, offset) => {
    const bearer = token(STATUS, { iat: IAT + offset });
    expect(await verify(`Bearer ${bearer}`)).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('accepts the hash of the compact JSON that Vonage snippets compute, for a body sent spaced', async () => {
    const spaced = Buffer.from(JSON.stringify(JSON.parse(STATUS.toString()), null, 2));
    const bearer = token(JSON.stringify(JSON.parse(STATUS.toString())));
    expect((await verify(`Bearer ${bearer}`, spaced)).ok).toBe(true);
  });

  it('tries every secret (rotation) and quotes none', async () => {
    expect(await verify(`Bearer ${token(STATUS)}`, STATUS, ['newer-secret', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
    expect(
      JSON.stringify(await verify(`Bearer ${token(STATUS)}`, STATUS, ['newer-secret'])),
    ).not.toContain('newer-secret');
  });

  it('never stores Authorization', () => {
    expect(vonageReceiver.secretHeaders).toContain('authorization');
  });
});
