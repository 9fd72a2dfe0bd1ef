import { createHash, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { isSigningToken, matchGitlabToken, verifyGitlab } from './gitlab.signature';

const TOKEN = 'gitlab-secret-token-0123456789';
const OLD_TOKEN = 'gitlab-old-token-9876543210';
// GitLab's signing tokens: "whsec_" + strict base64 of 32 random bytes.
const SIGNING = 'whsec_' + randomBytes(32).toString('base64');
const OLD_SIGNING = 'whsec_' + randomBytes(32).toString('base64');
const BODY = Buffer.from('{"object_kind":"push","event_name":"push","ref":"refs/heads/main"}');
const NOW = new Date('2026-11-27T12:00:00Z');
const ID = 'f0c3e9a4-5d1b-4c47-9a53-3f0c1e2d4b5a';

/** Signing-token headers as GitLab sends them, signed by the standardwebhooks SDK. */
function signed(secret: string, at = NOW, body = BODY, id = ID): Record<string, string> {
  return {
    'idempotency-key': id,
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

describe('GitLab authentication', () => {
  it.each([
    [SIGNING, true],
    [TOKEN, false],
    ['WHSEC_abc', false],
  ])('%s is a signing token: %s', (secret, expected) => {
    expect(isSigningToken(secret)).toBe(expected);
  });

  it.each([
    ['the token', TOKEN, [TOKEN], 0],
    ['the old token during rotation', OLD_TOKEN, [TOKEN, OLD_TOKEN], 1],
    ['a token that is a prefix of the secret', TOKEN.slice(0, -1), [TOKEN], -1],
    ['a token longer than the secret', `${TOKEN}x`, [TOKEN], -1],
    ['a different case', TOKEN.toUpperCase(), [TOKEN], -1],
    ['an empty token', '', [TOKEN], -1],
    ['no token', undefined, [TOKEN], -1],
    ['a token equal to a signing secret (never compared as plain)', SIGNING, [SIGNING], -1],
    [
      'the SHA-256 of the token (the comparison hashes; the hash must not pass)',
      createHash('sha256').update(TOKEN).digest('hex'),
      [TOKEN],
      -1,
    ],
  ])('X-Gitlab-Token: %s', (_case, token, secrets, expected) => {
    expect(matchGitlabToken(token, secrets)).toBe(expected);
  });

  type Case = {
    headers: Record<string, string | undefined>;
    secrets: string[];
    body?: Buffer;
    now?: Date;
    tolerance?: number;
  };
  const verify = ({ headers, secrets, body = BODY, now = NOW, tolerance = 300 }: Case) =>
    verifyGitlab(headers, body, secrets, now, tolerance);

  it.each<[string, Case, number]>([
    ['a plain token', { headers: { 'x-gitlab-token': TOKEN }, secrets: [TOKEN] }, 0],
    ['a signing-token signature (SDK-signed)', { headers: signed(SIGNING), secrets: [SIGNING] }, 0],
    [
      'the old signing token during rotation',
      { headers: signed(OLD_SIGNING), secrets: [SIGNING, OLD_SIGNING] },
      1,
    ],
    [
      'a signature while moving from a plain token',
      { headers: signed(SIGNING), secrets: [TOKEN, SIGNING] },
      1,
    ],
    [
      'a plain token while moving to a signing token',
      { headers: { 'x-gitlab-token': TOKEN }, secrets: [SIGNING, TOKEN] },
      1,
    ],
    [
      'a signature without Idempotency-Key',
      { headers: { ...signed(SIGNING), 'idempotency-key': undefined }, secrets: [SIGNING] },
      0,
    ],
    [
      'an old signature with the window off',
      {
        headers: signed(SIGNING, new Date('2026-01-01T00:00:00Z')),
        secrets: [SIGNING],
        tolerance: 0,
      },
      0,
    ],
  ])('accepts %s', (_case, input, secretIndex) => {
    expect(verify(input)).toEqual({ ok: true, secretIndex });
  });

  it.each<[string, Case, 'signature' | 'stale-timestamp', RegExp]>([
    [
      'a wrong plain token',
      { headers: { 'x-gitlab-token': 'nope' }, secrets: [TOKEN] },
      'signature',
      /X-Gitlab-Token does not match/,
    ],
    [
      'a missing plain token',
      { headers: {}, secrets: [TOKEN] },
      'signature',
      /X-Gitlab-Token is missing/,
    ],
    [
      'a plain token when only a signing token is configured',
      { headers: { 'x-gitlab-token': SIGNING }, secrets: [SIGNING] },
      'signature',
      /webhook-signature is missing/,
    ],
    [
      'a signature when only a plain token is configured',
      { headers: signed(SIGNING), secrets: [TOKEN] },
      'signature',
      /X-Gitlab-Token is missing/,
    ],
    [
      'a signature by another signing token',
      { headers: signed(OLD_SIGNING), secrets: [SIGNING] },
      'signature',
      /does not match/,
    ],
    [
      'a body differing by one byte',
      {
        headers: signed(SIGNING),
        secrets: [SIGNING],
        body: Buffer.from(BODY.toString().replace('main', 'mainx')),
      },
      'signature',
      /does not match/,
    ],
    [
      'an Idempotency-Key other than the signed webhook-id',
      { headers: { ...signed(SIGNING), 'idempotency-key': 'another-key' }, secrets: [SIGNING] },
      'signature',
      /Idempotency-Key differs/,
    ],
    [
      'a missing webhook-timestamp',
      { headers: { ...signed(SIGNING), 'webhook-timestamp': '' }, secrets: [SIGNING] },
      'signature',
      /all required/,
    ],
    [
      'a signature 301 s old',
      { headers: signed(SIGNING, new Date(NOW.getTime() - 301_000)), secrets: [SIGNING] },
      'stale-timestamp',
      /301s old/,
    ],
    [
      'a signature 301 s ahead',
      { headers: signed(SIGNING, new Date(NOW.getTime() + 301_000)), secrets: [SIGNING] },
      'stale-timestamp',
      /in the future/,
    ],
  ])('refuses %s', (_case, input, reason, message) => {
    const result = verify(input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('never echoes the token it was sent or the one it expected', () => {
    const result = verify({ headers: { 'x-gitlab-token': 'attacker-guess' }, secrets: [TOKEN] });
    const message = result.ok ? '' : result.message;
    expect(message).not.toContain(TOKEN);
    expect(message).not.toContain('attacker-guess');
  });
});
