import { createHmac } from 'node:crypto';
import { signBitbucket, verifyBitbucketSignature } from './bitbucket.signature';

const SECRET = 'bitbucket-webhook-secret';
const BODY = Buffer.from(
  '{"push":{"changes":[]},"repository":{"full_name":"team_name/repo_name"}}',
);
// Computed independently with node:crypto, not with the receiver's signer.
const SIGNATURE = `sha256=${createHmac('sha256', SECRET).update(BODY).digest('hex')}`;

describe('Bitbucket signature', () => {
  it('signs as "sha256=" + hex HMAC-SHA256 of the raw body', () => {
    expect(signBitbucket(SECRET, BODY)).toBe(SIGNATURE);
  });

  it.each([
    ['the signature', SIGNATURE, [SECRET], 0],
    ['upper-case hex', 'sha256=' + SIGNATURE.slice(7).toUpperCase(), [SECRET], 0],
    ['the old secret during rotation', SIGNATURE, ['newer-secret', SECRET], 1],
    ['a wrong secret', SIGNATURE, ['not the secret'], -1],
    ['no secrets', SIGNATURE, [], -1],
    [
      'one flipped hex digit',
      SIGNATURE.slice(0, -1) + (SIGNATURE.endsWith('0') ? '1' : '0'),
      [SECRET],
      -1,
    ],
    ['a truncated signature', SIGNATURE.slice(0, 40), [SECRET], -1],
    ['the bare hex without "sha256="', SIGNATURE.slice(7), [SECRET], -1],
    ['a sha1= prefix', SIGNATURE.replace('sha256=', 'sha1='), [SECRET], -1],
    ['an empty header', '', [SECRET], -1],
  ])('%s', (_case, header, secrets, expected) => {
    expect(verifyBitbucketSignature(header, BODY, secrets)).toBe(expected);
  });

  it('refuses the signature over a body that differs by one byte', () => {
    const other = Buffer.from(BODY.toString().replace('team_name', 'team_nam3'));
    expect(verifyBitbucketSignature(SIGNATURE, other, [SECRET])).toBe(-1);
  });
});
