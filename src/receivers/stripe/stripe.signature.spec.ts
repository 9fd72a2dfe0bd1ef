import Stripe from 'stripe';
import { parseStripeSignatureHeader, signStripe, verifyStripeSignature } from './stripe.signature';

const SECRET = 'whsec_test_secret_0123456789abcdef';
const OLD_SECRET = 'whsec_previous_secret_fedcba9876543210';
const BODY = Buffer.from(
  '{"id":"evt_1","object":"event","type":"charge.succeeded","created":1795780800}',
);
const T = 1795780800; // 2026-11-27T12:00:00Z
const NOW = new Date(T * 1000);

/** A header made by stripe-node's own test signer. */
const stripeHeader = (secret: string, timestamp = T, payload = BODY.toString()) =>
  Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
const v1Of = (header: string) => header.split(',').find((part) => part.startsWith('v1='))!;

describe('Stripe signature', () => {
  it('signs exactly as stripe-node does: the whsec_ secret verbatim as the key, t + "." + body', () => {
    expect(`t=${T},v1=${signStripe(SECRET, T, BODY)}`).toBe(stripeHeader(SECRET));
  });

  it.each([
    ['t and one v1', 't=1,v1=aa', { timestamp: '1', v1: ['aa'] }],
    ['several v1 in any order', 'v1=aa,t=1,v1=bb', { timestamp: '1', v1: ['aa', 'bb'] }],
    ['v0 and unknown schemes ignored', 't=1,v0=cc,v2=dd,v1=aa', { timestamp: '1', v1: ['aa'] }],
    ['no v1 at all', 't=1,v0=cc', { timestamp: '1', v1: [] }],
    ['an item without "="', 't=1,garbage,v1=aa', { timestamp: '1', v1: ['aa'] }],
    ['no t', 'v1=aa', undefined],
    ['two t', 't=1,t=2,v1=aa', undefined],
  ])('parses a header with %s', (_case, header, expected) => {
    expect(parseStripeSignatureHeader(header)).toEqual(expected);
  });

  type Case = {
    header?: string;
    secrets?: string[];
    body?: Buffer;
    now?: Date;
    tolerance?: number;
  };
  const verify = ({
    header = stripeHeader(SECRET),
    secrets = [SECRET],
    body = BODY,
    now = NOW,
    tolerance = 300,
  }: Case) => verifyStripeSignature(header, body, secrets, now, tolerance);

  it.each<[string, Case, number]>([
    ['a header from stripe-node', {}, 0],
    [
      'the old secret during rotation',
      { secrets: [SECRET, OLD_SECRET], header: stripeHeader(OLD_SECRET) },
      1,
    ],
    [
      'a roll: one v1 per secret, only the second known',
      { header: `${stripeHeader(OLD_SECRET)},${v1Of(stripeHeader(SECRET))}` },
      0,
    ],
    [
      'a v0 test-mode signature next to the v1',
      { header: `${stripeHeader(SECRET)},v0=${'0'.repeat(64)}` },
      0,
    ],
    ['a timestamp 300 s old', { now: new Date((T + 300) * 1000) }, 0],
    ['a timestamp 300 s ahead', { now: new Date((T - 300) * 1000) }, 0],
    [
      'a year-old timestamp with the window off',
      { now: new Date((T + 31_536_000) * 1000), tolerance: 0 },
      0,
    ],
  ])('accepts %s', (_case, input, secretIndex) => {
    expect(verify(input)).toEqual({ ok: true, secretIndex });
  });

  it.each<[string, Case, 'signature' | 'stale-timestamp', RegExp]>([
    ['a missing header', { header: '' }, 'signature', /missing/],
    ['a wrong secret', { secrets: [OLD_SECRET] }, 'signature', /No v1 signature matches/],
    ['no secrets', { secrets: [] }, 'signature', /No v1 signature matches/],
    [
      'the secret without its whsec_ prefix',
      { secrets: [SECRET.slice('whsec_'.length)] },
      'signature',
      /No v1 signature matches/,
    ],
    [
      'a secret with a trailing newline',
      { secrets: [`${SECRET}\n`] },
      'signature',
      /contains whitespace/,
    ],
    [
      'a body differing by one byte',
      { body: Buffer.from(BODY.toString().replace('evt_1', 'evt_2')) },
      'signature',
      /No v1 signature matches/,
    ],
    [
      'a t= changed after signing',
      { header: stripeHeader(SECRET).replace(`t=${T}`, `t=${T + 1}`) },
      'signature',
      /No v1 signature matches/,
    ],
    [
      'only a v0 signature',
      { header: stripeHeader(SECRET).replace('v1=', 'v0=') },
      'signature',
      /no "v1="/,
    ],
    [
      'upper-case hex (Stripe sends lower-case)',
      { header: `t=${T},${v1Of(stripeHeader(SECRET)).toUpperCase().replace('V1=', 'v1=')}` },
      'signature',
      /No v1 signature matches/,
    ],
    ['no t=', { header: v1Of(stripeHeader(SECRET)) }, 'signature', /exactly one "t=/],
    ['two t=', { header: `t=${T - 1},${stripeHeader(SECRET)}` }, 'signature', /exactly one "t=/],
    [
      'a t= that is not whole seconds',
      { header: stripeHeader(SECRET).replace(`t=${T}`, `t=${T}.0`) },
      'signature',
      /whole Unix seconds/,
    ],
    ['a timestamp 301 s old', { now: new Date((T + 301) * 1000) }, 'stale-timestamp', /301s old/],
    [
      'a timestamp 301 s ahead (stripe-node would accept it)',
      { now: new Date((T - 301) * 1000) },
      'stale-timestamp',
      /in the future/,
    ],
    [
      'a timestamp outside a narrower window',
      { now: new Date((T + 61) * 1000), tolerance: 60 },
      'stale-timestamp',
      /tolerance is 60s/,
    ],
  ])('refuses %s', (_case, input, reason, message) => {
    const result = verify(input);
    expect(result).toMatchObject({ ok: false, reason });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('agrees with stripe-node on an authentic, in-window header', () => {
    const header = stripeHeader(SECRET);
    expect(() =>
      Stripe.webhooks.constructEvent(BODY, header, SECRET, 300, undefined, T * 1000),
    ).not.toThrow();
    expect(verify({ header })).toEqual({ ok: true, secretIndex: 0 });
  });
});
