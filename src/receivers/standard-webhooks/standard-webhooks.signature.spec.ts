import { Webhook } from 'standardwebhooks';
import type { StandardWebhookHeaders } from './standard-webhooks.headers';
import {
  signStandardWebhook,
  standardWebhooksKey,
  v1Signatures,
  verifyStandardWebhook,
} from './standard-webhooks.signature';

// The published vector (standardwebhooks test suites; Svix docs use the same one).
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: Buffer.from('{"test": 2432232314}'),
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
const AT_VECTOR_TIME = new Date(1614265330 * 1000);
const OTHER_SECRET = 'whsec_' + Buffer.from('another key of at least 24 bytes').toString('base64');
const HEADERS: StandardWebhookHeaders = {
  id: VECTOR.id,
  timestamp: VECTOR.timestamp,
  signature: VECTOR.signature,
};

describe('Standard Webhooks signature', () => {
  it('reproduces the published vector', () => {
    const key = standardWebhooksKey(VECTOR.secret)!;
    expect(signStandardWebhook(key, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(
      VECTOR.signature,
    );
  });

  it('signs exactly as the standardwebhooks SDK does', () => {
    const body = Buffer.from('{"type":"contact.created","data":{"name":"Zoë"}}');
    const date = new Date('2026-11-27T12:00:00Z');
    const sdk = new Webhook(OTHER_SECRET).sign('msg_1', date, body);
    const ours = signStandardWebhook(standardWebhooksKey(OTHER_SECRET)!, 'msg_1', 1795780800, body);
    expect(ours).toBe(sdk);
  });

  it.each([
    ['a secret with the whsec_ prefix', VECTOR.secret, 24],
    ['a secret without the prefix', VECTOR.secret.slice('whsec_'.length), 24],
    ['a padded secret (GitLab signing tokens)', 'whsec_' + 'A'.repeat(43) + '=', 32],
    [
      'a secret with a character outside base64',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLa-w',
      undefined,
    ],
    [
      'a secret whose length is not a multiple of 4',
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaS',
      undefined,
    ],
    ['an empty secret after the prefix', 'whsec_', undefined],
  ])('decodes %s', (_case, secret, bytes) => {
    expect(standardWebhooksKey(secret)?.length).toBe(bytes);
  });

  it.each([
    ['one v1', 'v1,abc=', ['abc=']],
    ['several, space-separated', 'v1,abc= v1,def=', ['abc=', 'def=']],
    ['v1a (Ed25519) and unknown versions ignored', 'v1a,xyz= v2,uvw= v1,abc=', ['abc=']],
    ['an empty v1 ignored', 'v1, v1,abc=', ['abc=']],
    ['nothing usable', 'v1a,xyz=', []],
  ])('reads the signature header with %s', (_case, header, expected) => {
    expect(v1Signatures(header)).toEqual(expected);
  });

  type Case = {
    headers?: Partial<StandardWebhookHeaders>;
    secrets?: string[];
    body?: Buffer;
    now?: Date;
    tolerance?: number;
  };
  const verify = ({
    headers = {},
    secrets = [VECTOR.secret],
    body = VECTOR.body,
    now = AT_VECTOR_TIME,
    tolerance = 300,
  }: Case) => verifyStandardWebhook({ ...HEADERS, ...headers }, body, secrets, now, tolerance);

  it.each<[string, Case, number]>([
    ['the published vector', {}, 0],
    ['the old secret during rotation', { secrets: [OTHER_SECRET, VECTOR.secret] }, 1],
    [
      'the right signature after a wrong one',
      { headers: { signature: `v1,${'A'.repeat(43)}= ${VECTOR.signature}` } },
      0,
    ],
    [
      'the right signature next to a v1a one',
      { headers: { signature: `v1a,Zm9v ${VECTOR.signature}` } },
      0,
    ],
    ['the raw base64 secret (no prefix)', { secrets: [VECTOR.secret.slice(6)] }, 0],
    [
      'a timestamp 300 s old (the edge of the window)',
      { now: new Date((1614265330 + 300) * 1000) },
      0,
    ],
    ['a timestamp 300 s ahead', { now: new Date((1614265330 - 300) * 1000) }, 0],
    [
      'an old timestamp with the window turned off',
      { now: new Date('2026-11-27T12:00:00Z'), tolerance: 0 },
      0,
    ],
  ])('accepts %s', (_case, input, secretIndex) => {
    expect(verify(input)).toEqual({ ok: true, secretIndex });
  });

  it.each<[string, Case, 'signature' | 'stale-timestamp', RegExp]>([
    ['a wrong secret', { secrets: [OTHER_SECRET] }, 'signature', /does not match/],
    ['no secrets at all', { secrets: [] }, 'signature', /does not match/],
    [
      'an undecodable secret',
      { secrets: ['whsec_not base64!'] },
      'signature',
      /1 configured secret\(s\) are not "whsec_<base64>"/,
    ],
    [
      'a body that differs by one byte',
      { body: Buffer.from('{"test": 2432232315}') },
      'signature',
      /does not match/,
    ],
    ['another message id', { headers: { id: 'msg_other' } }, 'signature', /does not match/],
    ['another timestamp', { headers: { timestamp: '1614265331' } }, 'signature', /does not match/],
    [
      'a flipped signature character',
      { headers: { signature: VECTOR.signature.replace('g0h', 'g0i') } },
      'signature',
      /does not match/,
    ],
    [
      'only a v1a signature',
      { headers: { signature: 'v1a,' + VECTOR.signature.slice(3) } },
      'signature',
      /no "v1,<base64>"/,
    ],
    [
      'the signature without its version',
      { headers: { signature: VECTOR.signature.slice(3) } },
      'signature',
      /no "v1,<base64>"/,
    ],
    ['a missing webhook-id', { headers: { id: undefined } }, 'signature', /are all required/],
    [
      'a missing webhook-timestamp',
      { headers: { timestamp: undefined } },
      'signature',
      /are all required/,
    ],
    [
      'a missing webhook-signature',
      { headers: { signature: undefined } },
      'signature',
      /are all required/,
    ],
    [
      'a timestamp that is not whole seconds',
      { headers: { timestamp: '1614265330.5' } },
      'signature',
      /whole Unix seconds/,
    ],
    [
      'a timestamp with trailing garbage',
      { headers: { timestamp: '1614265330abc' } },
      'signature',
      /whole Unix seconds/,
    ],
    [
      'a timestamp 301 s old',
      { now: new Date((1614265330 + 301) * 1000) },
      'stale-timestamp',
      /301s old/,
    ],
    [
      'a timestamp 301 s in the future',
      { now: new Date((1614265330 - 301) * 1000) },
      'stale-timestamp',
      /301s in the future/,
    ],
    [
      'a timestamp outside a narrower window',
      { now: new Date((1614265330 + 31) * 1000), tolerance: 30 },
      'stale-timestamp',
      /tolerance is 30s/,
    ],
  ])('refuses %s', (_case, input, reason, message) => {
    const result = verify(input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('never puts a secret or the expected signature in a refusal', () => {
    const result = verify({ body: Buffer.from('{}') });
    const expected = signStandardWebhook(
      standardWebhooksKey(VECTOR.secret)!,
      VECTOR.id,
      VECTOR.timestamp,
      Buffer.from('{}'),
    );
    expect(result.ok).toBe(false);
    const message = result.ok ? '' : result.message;
    expect(message).not.toContain(VECTOR.secret.slice(6));
    expect(message).not.toContain(expected.slice(3));
  });
});
