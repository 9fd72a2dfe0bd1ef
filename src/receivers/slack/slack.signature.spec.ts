import { signSlack, verifySlackSignature } from './slack.signature';
import { AT_VECTOR_TIME, reference, VECTOR } from './slack.signature.spec-helpers';

const seconds = (n: number) => new Date(AT_VECTOR_TIME.getTime() + n * 1000);

describe('Slack signature', () => {
  it('reproduces the published vector', () => {
    expect(signSlack(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
    expect(reference(VECTOR.secret, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  type Case = [
    string,
    { signature?: string; timestamp?: string; body?: Buffer },
    string[],
    Date,
    number,
    unknown,
  ];
  const valid = { signature: VECTOR.signature, timestamp: VECTOR.timestamp, body: VECTOR.body };
  const cases: Case[] = [
    [
      'the published vector',
      valid,
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: true, secretIndex: 0 },
    ],
    [
      'the old secret during rotation',
      valid,
      ['new-secret', VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: true, secretIndex: 1 },
    ],
    [
      'a wrong secret',
      valid,
      ['not-the-secret'],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    ['no secrets at all', valid, [], AT_VECTOR_TIME, 300, { ok: false, reason: 'signature' }],
    [
      'no signature header',
      { ...valid, signature: undefined },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'no timestamp header',
      { ...valid, timestamp: undefined },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'a timestamp that is not a number',
      { ...valid, timestamp: '1531420618abc' },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'another signed timestamp',
      { ...valid, timestamp: '1531420619' },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'a v1= prefix',
      { ...valid, signature: VECTOR.signature.replace('v0=', 'v1=') },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'no prefix',
      { ...valid, signature: VECTOR.signature.slice(3) },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'one flipped hex digit',
      { ...valid, signature: VECTOR.signature.slice(0, -1) + '4' },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'upper-case hex (bolt-js compares exactly too)',
      { ...valid, signature: 'v0=' + VECTOR.signature.slice(3).toUpperCase() },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      'a body that differs by one byte',
      { ...valid, body: Buffer.from(VECTOR.body.toString().replace('foobar', 'foobaz')) },
      [VECTOR.secret],
      AT_VECTOR_TIME,
      300,
      { ok: false, reason: 'signature' },
    ],
    ['exactly 300 s old', valid, [VECTOR.secret], seconds(300), 300, { ok: true, secretIndex: 0 }],
    [
      '301 s old',
      valid,
      [VECTOR.secret],
      seconds(301),
      300,
      { ok: false, reason: 'stale-timestamp' },
    ],
    [
      '301 s in the future',
      valid,
      [VECTOR.secret],
      seconds(-301),
      300,
      { ok: false, reason: 'stale-timestamp' },
    ],
    [
      '8 years old with the window off (0)',
      valid,
      [VECTOR.secret],
      new Date('2026-11-27T12:00:00Z'),
      0,
      { ok: true, secretIndex: 0 },
    ],
    [
      'old and forged: reported as a bad signature',
      valid,
      ['not-the-secret'],
      seconds(3600),
      300,
      { ok: false, reason: 'signature' },
    ],
    [
      '10 s old under a 5 s tolerance',
      valid,
      [VECTOR.secret],
      seconds(10),
      5,
      { ok: false, reason: 'stale-timestamp' },
    ],
  ];

  it.each(cases)('%s', (_case, request, secrets, now, tolerance, expected) => {
    const result = verifySlackSignature(
      {
        signature: request.signature,
        timestamp: request.timestamp,
        body: request.body ?? VECTOR.body,
      },
      secrets,
      now,
      tolerance,
    );
    expect(result).toMatchObject(expected as object);
  });

  it('never puts the secret or the expected signature in a refusal message', () => {
    const forged = { ...valid, signature: 'v0=' + '0'.repeat(64) };
    const result = verifySlackSignature(forged, [VECTOR.secret], AT_VECTOR_TIME);
    expect(result.ok).toBe(false);
    const message = (result as { message: string }).message;
    expect(message).not.toContain(VECTOR.secret);
    expect(message).not.toContain(VECTOR.signature.slice(3));
  });
});
