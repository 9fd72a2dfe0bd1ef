import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { circleciReceiver as receiver } from './circleci.receiver';

// CircleCI's published examples (circleci/circleci-docs `docs/guides/modules/integration/pages/
// outbound-webhooks.adoc`, "Validate webhooks"): body, secret, v1 signature.
const VECTORS = [
  ['hello world', 'secret', '734cc62f32841568f45715aeb9f4d7891324e6d948e4c6c60c0621cdac48623a'],
  ['lalala', 'another-secret', 'daa220016c8f29a8b214fbfc3671aeec2145cfb1e6790184ffb38b6d0425fa00'],
  [
    'an-important-request-payload',
    'hunter123',
    '9be2242094a9a8c00c64306f382a7f9d691de910b4a266f67bd314ef18ac49fa',
  ],
  ['foo', 'secret', '773ba44693c7553d6ee20f61ea5d2757a9a4f4a44d2841ae4e95b52e4cd62db4'],
];
// The documented workflow-completed sample (docs/reference/.../outbound-webhooks-reference.adoc).
const BODY = fixture(__dirname, 'workflow-completed.json');
const SECRET = 'circleci-signing-secret';
const hex = (body: Buffer | string, secret = SECRET) =>
  createHmac('sha256', secret).update(body).digest('hex');
const signed = (header: string, body: Buffer = BODY) =>
  webhookRequest({ 'circleci-signature': header }, body);

describe('CircleCI receiver', () => {
  it.each(VECTORS)('accepts the published example %j', (body, secret, signature) => {
    const req = signed(`v1=${signature}`, Buffer.from(body));
    expect(verifyWith(receiver, req, [secret])).toEqual({ ok: true, secretIndex: 0 });
  });

  it('checks v1 only: a later version beside it is ignored, v1 alone decides', () => {
    const v1 = hex(BODY);
    expect(verifyWith(receiver, signed(`v1=${v1},v2=anything`), [SECRET])).toMatchObject({
      ok: true,
    });
    // A matching digest offered as v2 only (a downgrade or upgrade attempt) is not accepted.
    expect(verifyWith(receiver, signed(`v2=${v1}`), [SECRET])).toMatchObject({
      ok: false,
      message: expect.stringContaining('no "v1" signature'),
    });
  });

  it.each([
    [
      'no circleci-signature (no secret set)',
      webhookRequest({}, BODY),
      /circleci-signature is missing/,
    ],
    ['a wrong secret', signed(`v1=${hex(BODY, 'wrong')}`), /does not match/],
    [
      'a body changed after signing',
      signed(`v1=${hex(BODY)}`, Buffer.from(BODY.toString().replace('success', 'failed'))),
      /does not match/,
    ],
    ['the digest without v1=', signed(hex(BODY)), /no "v1" signature/],
    [
      'the published example not valid for foo',
      signed('v1=not-a-valid-signature', Buffer.from('foo')),
      /does not match/,
    ],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [SECRET, 'secret']);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes type, id and happened_at of the sample', () => {
    expect(normalizeWith(receiver, signed('v1=x'))).toEqual({
      type: 'workflow-completed',
      providerDeliveryId: '3888f21b-eaa7-38e3-8f3d-75a63bba8895',
      occurredAt: new Date('2021-09-01T22:49:34.317Z'),
    });
  });

  it('declares the documented 10 s timeout and takes no options', () => {
    expect(receiver.ackDeadlineMs).toBe(10_000);
    expect(() => receiver.parseOptions!({ toleranceSeconds: 60 })).toThrow(
      /^options\.toleranceSeconds is not a CircleCI option/,
    );
  });
});
