import { createHmac } from 'node:crypto';
import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { pagerdutyReceiver as receiver } from './pagerduty.receiver';

// PagerDuty's published vector: PagerDuty/go-pagerduty `webhookv3/webhookv3_test.go` (its body,
// byte for byte, is fixtures/go-pagerduty-vector.json).
const VECTOR = {
  secret: 'lDQHScfUeXUKaQRNF+8XIiDKZ7XX3itBAYzwU0TARw8lJqRnkKl2iB1anSb0Z+IK',
  body: fixture(__dirname, 'go-pagerduty-vector.json'),
  valid: 'v1=0c0b9495b893a39e70d1fea2fe11fbe0a825f88b9f67846f6cc07dd2bc5476cd',
  mismatch: 'v1=7020c8a7ec668a9b7012bc3dd82e483394b038f4230acc6785efbf2a7d8bcaf5',
};
// The documented incident.priority_updated example (developer-docs `docs/webhooks/01-Overview.md`).
const BODY = fixture(__dirname, 'incident-priority-updated.json');
const OLD = 'pagerduty-secret-old';
const NEW = 'pagerduty-secret-new';
const v1 = (body: Buffer, secret: string) =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;
const signed = (header: string, body: Buffer = BODY) =>
  webhookRequest({ 'X-PagerDuty-Signature': header }, body);

describe('PagerDuty receiver', () => {
  it('accepts the published vector and refuses its mismatch case', () => {
    expect(verifyWith(receiver, signed(VECTOR.valid, VECTOR.body), [VECTOR.secret])).toEqual({
      ok: true,
      secretIndex: 0,
    });
    expect(
      verifyWith(receiver, signed(VECTOR.mismatch, VECTOR.body), [VECTOR.secret]),
    ).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it.each([
    ['both secrets held, newest first', `${v1(BODY, OLD)},${v1(BODY, NEW)}`, [NEW, OLD], 0],
    ['only the new secret held', `${v1(BODY, OLD)},${v1(BODY, NEW)}`, [NEW], 0],
    ['only the old secret held', `${v1(BODY, NEW)},${v1(BODY, OLD)}`, [OLD], 0],
    ['a space after the comma', `${v1(BODY, NEW)}, ${v1(BODY, OLD)}`, ['x', OLD], 1],
  ])('accepts several v1 signatures during a rotation: %s', (_case, header, secrets, index) => {
    expect(verifyWith(receiver, signed(header), secrets)).toEqual({ ok: true, secretIndex: index });
  });

  it.each([
    ['no X-PagerDuty-Signature', webhookRequest({}, BODY), /X-PagerDuty-Signature is missing/],
    [
      'only signatures under other secrets',
      signed(`${v1(BODY, 'a')},${v1(BODY, 'b')}`),
      /does not match/,
    ],
    [
      'a body changed after signing',
      signed(v1(BODY, NEW), Buffer.from(BODY.toString().replace('P1', 'P5'))),
      /does not match/,
    ],
    ['the digest without v1=', signed(v1(BODY, NEW).slice(3)), /no "v1" signature/],
    ['a v0= version', signed(v1(BODY, NEW).replace('v1=', 'v0=')), /no "v1" signature/],
  ])('refuses %s (401)', (_case, req, message) => {
    const result = verifyWith(receiver, req, [NEW]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it('normalizes event.event_type, event.id and event.occurred_at', () => {
    expect(normalizeWith(receiver, signed('v1=x'))).toEqual({
      type: 'incident.priority_updated',
      providerDeliveryId: '5ac64822-4adc-4fda-ade0-410becf0de4f',
      occurredAt: new Date('2020-10-02T18:45:22.169Z'),
    });
  });

  it('refuses a body without event.event_type (400), declares 5 s, takes no options', () => {
    expect(() => normalizeWith(receiver, signed('v1=x', Buffer.from('{"messages":[]}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(receiver.ackDeadlineMs).toBe(5_000);
    expect(() => receiver.parseOptions!({ version: 'v1' })).toThrow(
      /^options\.version is not a PagerDuty option/,
    );
  });
});
