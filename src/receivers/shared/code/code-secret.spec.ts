import type { IncomingWebhook } from '../../receiver';
import { checkCodeSecret, verifyCode } from './code-secret';

const CODE = '0123456789abcdef0123456789abcdef'; // 32 characters, ASP.NET's shortest
const request = (query: Record<string, string>, headers: Record<string, string> = {}) =>
  ({
    method: 'POST',
    url: 'https://hooks.example.com/webhooks/kudu/deploys',
    query,
    headers,
    rawBody: Buffer.from('{}'),
  }) satisfies IncomingWebhook;

describe('?code= secrets at start-up (ASP.NET: 32 to 128 characters)', () => {
  it.each([
    ['32 characters', 'a'.repeat(32)],
    ['128 characters', 'a'.repeat(128)],
    ['openssl rand -hex 32', 'f'.repeat(64)],
    ['a GUID, as Dataverse shows', '00000000-0000-0000-0000-000000000001'],
  ])('accepts %s', (_name, secret) => {
    expect(checkCodeSecret(secret)).toBeUndefined();
  });

  it.each([
    ['31 characters', 'a'.repeat(31), 31],
    ['129 characters', 'a'.repeat(129), 129],
    ['a short word', 'letmein', 7],
  ])('refuses %s, saying how long it is and never what it is', (_name, secret, length) => {
    const problem = checkCodeSecret(secret);
    expect(problem).toBe(
      `is ${length} characters long; a ?code= secret must be 32 to 128 characters (ASP.NET WebHooks' rule). ` +
        'Generate one with "openssl rand -hex 32" and register the URL with ?code=<it>.',
    );
    expect(problem).not.toContain(secret);
  });
});

describe('verifyCode', () => {
  const secrets = ['b'.repeat(40), CODE];

  it('accepts the code of any configured secret, saying which', () => {
    expect(verifyCode(request({ code: CODE }), secrets)).toEqual({ ok: true, secretIndex: 1 });
    expect(verifyCode(request({ code: 'b'.repeat(40) }), secrets)).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it.each<[string, IncomingWebhook, RegExp]>([
    [
      'no code',
      request({}),
      /^The "code" query parameter is missing: register the URL with \?code=/,
    ],
    ['an empty code', request({ code: '' }), /is missing/],
    [
      'a wrong code',
      request({ code: 'c'.repeat(32) }),
      /^The "code" query parameter does not match any configured secret\.$/,
    ],
    ['a prefix of the code', request({ code: CODE.slice(0, -1) }), /does not match/],
    ['the code with a character more', request({ code: `${CODE}0` }), /does not match/],
    ['the code in upper case', request({ code: CODE.toUpperCase() }), /does not match/],
    ['the code under another name', request({ Code: CODE }), /is missing/],
    ['the code in a header', request({}, { code: CODE }), /is missing/],
    ['the code as a bearer token', request({}, { authorization: `Bearer ${CODE}` }), /is missing/],
  ])('refuses %s (401 signature), never quoting a secret', (_name, req, message) => {
    const result = verifyCode(req, secrets);
    expect(result).toEqual({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
    expect(JSON.stringify(result)).not.toContain(CODE);
  });
});
