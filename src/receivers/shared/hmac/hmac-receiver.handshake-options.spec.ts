import type { IncomingWebhook } from '../../receiver';
import type { HmacDescriptor } from './descriptor';
import { hmacReceiver } from './hmac-receiver';
import { acme, ACME } from './hmac-receiver.spec-helpers';
import type { VerifyTokenQuery } from './verify-token';

/*
 * What the Meta providers added to the descriptor: the `verify-token-query` handshake (which
 * reads the endpoint's options) and the options a descriptor implies (a legacy signature's
 * switch, the handshake's token). The other handshakes and options are in hmac-receiver.spec.ts.
 */
const TOKEN_QUERY: VerifyTokenQuery = {
  kind: 'verify-token-query',
  params: { mode: 'hub.mode', token: 'hub.verify_token', challenge: 'hub.challenge' },
  mode: 'subscribe',
  option: 'verifyToken',
  optionHint: 'the token typed in the Acme dashboard',
};
const LEGACY: HmacDescriptor['legacySignature'] = {
  algorithm: 'sha1',
  signature: { headers: ['X-Acme-Signature'], encoding: 'hex', prefix: 'sha1=' },
  option: 'allowSha1',
};
const hub = hmacReceiver(acme({ handshake: TOKEN_QUERY, legacySignature: LEGACY }));
const options = { verifyToken: 'meatyhamhock', allowSha1: false };

function get(query: Record<string, string>, method = 'GET'): IncomingWebhook {
  return { method, url: 'https://h.example.com/w', query, headers: {}, rawBody: Buffer.alloc(0) };
}
const answer = (req: IncomingWebhook, opts: object = options) =>
  hub.handshakeBeforeVerify!(req, { secrets: ['s'], options: opts, now: new Date() });
const subscribe = (token: string, challenge = '1158201444') => ({
  'hub.mode': 'subscribe',
  'hub.verify_token': token,
  'hub.challenge': challenge,
});

describe('hmacReceiver: the verify-token-query handshake', () => {
  it("echoes the challenge as text/plain with nosniff when mode and token match (Meta's sample request)", () => {
    expect(answer(get(subscribe('meatyhamhock')))).toStrictEqual({
      status: 200,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        'x-content-type-options': 'nosniff',
      },
      body: '1158201444',
    });
    expect(hub.methods).toEqual(['GET', 'POST']);
  });

  it.each<[string, Record<string, string>, object, RegExp]>([
    ['a wrong token', subscribe('meatyhamhocks'), options, /^hub\.verify_token does not match/],
    ['a token differing in case', subscribe('MeatyHamhock'), options, /does not match/],
    ['an empty token', subscribe(''), options, /^hub\.verify_token is missing/],
    [
      'no token',
      { 'hub.mode': 'subscribe', 'hub.challenge': '1' },
      options,
      /^hub\.verify_token is missing; expected options\.verifyToken \(the token typed in the Acme dashboard\)\.$/,
    ],
    [
      'another mode',
      { ...subscribe('meatyhamhock'), 'hub.mode': 'unsubscribe' },
      options,
      /^hub\.mode must be "subscribe"\.$/,
    ],
    [
      'no mode',
      { 'hub.verify_token': 'meatyhamhock', 'hub.challenge': '1' },
      options,
      /^hub\.mode must be/,
    ],
    ['only a challenge', { 'hub.challenge': '1' }, options, /^hub\.mode must be/],
    [
      'an endpoint without a token (options not parsed)',
      subscribe('meatyhamhock'),
      {},
      /does not match/,
    ],
    ['an endpoint with an empty token', subscribe(''), { verifyToken: '' }, /is missing/],
  ])('403 for %s, never echoing the token sent', (_case, query, opts, message) => {
    const refusal = (() => {
      try {
        answer(get(query), opts);
      } catch (error) {
        return error as { status: number; reason: string; message: string };
      }
      throw new Error('no refusal');
    })();
    expect(refusal).toMatchObject({ status: 403, reason: 'handshake-refused' });
    expect(refusal.message).toMatch(message);
    expect(refusal.message).not.toContain('meatyhamhock');
    expect(refusal.message).not.toContain('MeatyHamhock');
  });

  it('400 for a verified request without a challenge to echo', () => {
    expect(() =>
      answer(get({ 'hub.mode': 'subscribe', 'hub.verify_token': 'meatyhamhock' })),
    ).toThrow(
      expect.objectContaining({
        status: 400,
        reason: 'malformed',
        message: 'hub.challenge is missing: nothing to echo.',
      }),
    );
  });

  it.each([
    ['a GET naming none of the parameters', get({})],
    ['a GET with other parameters only', get({ challenge: 'x' })],
    ['a POST carrying the parameters', get(subscribe('meatyhamhock'), 'POST')],
  ])('leaves %s to the pipeline', (_case, req) => {
    expect(answer(req)).toBeUndefined();
  });
});

describe('hmacReceiver: the options a descriptor implies', () => {
  const timedHub = acme({
    handshake: TOKEN_QUERY,
    legacySignature: LEGACY,
    signedContent: '{timestamp}{body}',
    timestamp: { header: 'T', unit: 's' },
  });

  it.each<[string, HmacDescriptor, Record<string, unknown> | undefined, object]>([
    [
      'the legacy switch off by default',
      acme({ legacySignature: LEGACY }),
      undefined,
      { allowSha1: false },
    ],
    [
      'the legacy switch on',
      acme({ legacySignature: LEGACY }),
      { allowSha1: true },
      { allowSha1: true },
    ],
    ['the token', acme({ handshake: TOKEN_QUERY }), { verifyToken: 't' }, { verifyToken: 't' }],
    [
      'all three together',
      timedHub,
      { verifyToken: 't', allowSha1: true, toleranceSeconds: 60 },
      { verifyToken: 't', allowSha1: true, toleranceSeconds: 60 },
    ],
  ])('%s', (_case, descriptor, given, expected) => {
    expect(hmacReceiver(descriptor).parseOptions!(given)).toStrictEqual(expected);
  });

  it.each<[string, HmacDescriptor, Record<string, unknown> | undefined, RegExp]>([
    [
      'a missing token, naming it and what it is',
      acme({ handshake: TOKEN_QUERY }),
      undefined,
      /^options\.verifyToken is required: the token typed in the Acme dashboard\.$/,
    ],
    [
      'a blank token',
      acme({ handshake: TOKEN_QUERY }),
      { verifyToken: '  ' },
      /^options\.verifyToken is required/,
    ],
    [
      'a token that is no string',
      acme({ handshake: TOKEN_QUERY }),
      { verifyToken: 42 },
      /^options\.verifyToken is required/,
    ],
    [
      'a switch that is no boolean',
      acme({ legacySignature: LEGACY }),
      { allowSha1: 'yes' },
      /^options\.allowSha1 must be true or false\.$/,
    ],
    [
      'an unknown option, naming the known ones',
      acme({ handshake: TOKEN_QUERY, legacySignature: LEGACY }),
      { verifyToken: 't', allowSHA1: true },
      /^options\.allowSHA1 is not a Acme option; remove it \(known: allowSha1, verifyToken\)/,
    ],
    [
      'the switch where the descriptor has no legacy signature',
      ACME,
      { allowSha1: true },
      /^options\.allowSha1 is not a Acme option/,
    ],
  ])('refuses %s', (_case, descriptor, given, message) => {
    expect(() => hmacReceiver(descriptor).parseOptions!(given)).toThrow(message);
  });

  it('refuses a legacy signature source that names no header when it is built', () => {
    const noHeader = { ...LEGACY!, signature: { headers: [], encoding: 'hex' as const } };
    expect(() => hmacReceiver(acme({ legacySignature: noHeader }))).toThrow(
      /^The Acme descriptor: legacySignature\.signature\.headers names no header\.$/,
    );
  });
});
