import type { IncomingWebhook } from '../receiver';
import { basicReceiver as receiver } from './basic.receiver';

const SECRET = 'legacy:s3cret-password';
const BODY = Buffer.from('{"record":{"type":"invoice","id":"r-1"}}');
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const parse = (options: Record<string, unknown> | undefined) => receiver.parseOptions!(options);

function request(headers: Record<string, string>): IncomingWebhook {
  return {
    method: 'POST',
    url: 'https://h/webhooks/basic/legacy',
    query: {},
    headers,
    rawBody: BODY,
  };
}

const verify = (authorization?: string) =>
  receiver.verify(request(authorization === undefined ? {} : { authorization }), {
    secrets: ['old:password-1', SECRET],
    options: parse(undefined),
    now: new Date(),
  });

describe('basic provider options', () => {
  it.each<[Record<string, unknown> | undefined, object]>([
    [undefined, {}],
    [
      { typeFrom: 'body:record.type', idFrom: 'body:record.id' },
      { typeFrom: { path: 'record.type' }, idFrom: { path: 'record.id' } },
    ],
  ])('%j → %j', (options, expected) => {
    expect(parse(options)).toEqual(expected);
  });

  it.each<[Record<string, unknown>, RegExp]>([
    [
      { user: 'legacy' },
      /^options\.user is not a basic option; remove it \(known: idFrom, typeFrom\)/,
    ],
    [{ idFrom: 'record.id' }, /^options\.idFrom must be "header:NAME" or "body:json\.path"/],
    [{ typeFrom: 42 }, /^options\.typeFrom must be/],
  ])('%j is refused', (options, message) => {
    expect(() => parse(options)).toThrow(message);
  });
});

describe('basic provider verify', () => {
  it.each([
    ['the current credentials', basic(SECRET), 1],
    ['the previous credentials (rotation)', basic('old:password-1'), 0],
    ['a lower-case scheme', `basic ${Buffer.from(SECRET).toString('base64')}`, 1],
  ])('accepts %s', (_name, authorization, secretIndex) => {
    expect(verify(authorization)).toEqual({ ok: true, secretIndex });
  });

  it('accepts a password with a colon (the user ends at the first one)', () => {
    const req = request({ authorization: basic('legacy:pa:ss') });
    const ctx = { secrets: ['legacy:pa:ss'], options: parse(undefined), now: new Date() };
    expect(receiver.verify(req, ctx)).toEqual({ ok: true, secretIndex: 0 });
  });

  it.each<[string, string | undefined, RegExp]>([
    ['no Authorization', undefined, /^Authorization with Basic credentials is missing\.$/],
    ['a Bearer token', `Bearer ${SECRET}`, /is missing/],
    ['credentials that are not base64', 'Basic legacy:s3cret', /is missing/],
    [
      'credentials without a colon',
      basic('legacy'),
      /^The Basic credentials are not user:password\.$/,
    ],
    [
      'a wrong password',
      basic('legacy:guess'),
      /^The Basic credentials do not match any configured user:password\.$/,
    ],
    ['a wrong user', basic('other:s3cret-password'), /do not match/],
    ['the user alone', basic('legacy:'), /do not match/],
  ])('refuses %s', (_name, authorization, message) => {
    const result = verify(authorization);
    expect(result).toEqual({
      ok: false,
      reason: 'signature',
      message: expect.stringMatching(message),
    });
    expect(JSON.stringify(result)).not.toContain('s3cret');
  });
});

describe('basic provider normalize', () => {
  const payload = JSON.parse(BODY.toString());
  it.each<[Record<string, unknown> | undefined, object]>([
    [undefined, { type: 'legacy' }],
    [
      { typeFrom: 'body:record.type', idFrom: 'body:record.id' },
      { type: 'invoice', providerDeliveryId: 'r-1' },
    ],
  ])('%j → %j', (options, expected) => {
    const ctx = { endpoint: 'legacy', options: parse(options) };
    expect(receiver.normalize(request({}), payload, ctx)).toEqual(expected);
  });
});

describe('basic provider secrets at start-up', () => {
  it.each(['legacy:s3cret-password', 'legacy:pa:ss', 'legacy:'])('accepts %j', (secret) => {
    expect(receiver.checkSecret!(secret)).toBeUndefined();
  });

  it.each(['legacy', ':s3cret-password', ''])(
    'refuses %j, which no Authorization can match, without quoting it',
    (secret) => {
      const problem = receiver.checkSecret!(secret);
      expect(problem).toMatch(/^must be user:password \(a non-empty user, a colon/);
      if (secret) expect(problem).not.toContain(secret);
    },
  );
});
