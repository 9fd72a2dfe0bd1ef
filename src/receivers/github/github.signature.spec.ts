import { signGithub, verifyGithubSignature } from './github.signature';

// GitHub's published vector ("Validating webhook deliveries").
const VECTOR = {
  secret: "It's a Secret to Everybody",
  body: Buffer.from('Hello, World!'),
  sha256: 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
};

describe('GitHub signature', () => {
  it('reproduces the published vector', () => {
    expect(signGithub(VECTOR.secret, VECTOR.body)).toBe(VECTOR.sha256);
  });

  it.each([
    ['the published vector', VECTOR.sha256, [VECTOR.secret], 0],
    ['upper-case hex', 'sha256=' + VECTOR.sha256.slice(7).toUpperCase(), [VECTOR.secret], 0],
    ['the old secret during rotation', VECTOR.sha256, ['new-secret', VECTOR.secret], 1],
    ['a wrong secret', VECTOR.sha256, ['not the secret'], -1],
    ['no secrets at all', VECTOR.sha256, [], -1],
    ['one flipped hex digit', VECTOR.sha256.slice(0, -1) + '6', [VECTOR.secret], -1],
    ['a truncated signature', VECTOR.sha256.slice(0, 40), [VECTOR.secret], -1],
    ['a missing prefix', VECTOR.sha256.slice('sha256='.length), [VECTOR.secret], -1],
    [
      'the sha1 prefix on a sha256 digest',
      VECTOR.sha256.replace('sha256=', 'sha1='),
      [VECTOR.secret],
      -1,
    ],
    ['an empty header', '', [VECTOR.secret], -1],
  ])('%s', (_case, header, secrets, expected) => {
    expect(verifyGithubSignature(header, VECTOR.body, secrets)).toBe(expected);
  });

  it('rejects the vector signature over a body that differs by one byte', () => {
    expect(
      verifyGithubSignature(VECTOR.sha256, Buffer.from('Hello, World?'), [VECTOR.secret]),
    ).toBe(-1);
  });

  it('verifies legacy sha1 signatures when asked to', () => {
    // HMAC-SHA1 of the vector, computed independently: printf 'Hello, World!' | openssl dgst -sha1 -hmac "It's a Secret to Everybody"
    const sha1 = 'sha1=01dc10d0c83e72ed246219cdd91669667fe2ca59';
    expect(verifyGithubSignature(sha1, VECTOR.body, [VECTOR.secret], 'sha1')).toBe(0);
    expect(verifyGithubSignature(sha1, VECTOR.body, [VECTOR.secret], 'sha256')).toBe(-1);
  });
});
