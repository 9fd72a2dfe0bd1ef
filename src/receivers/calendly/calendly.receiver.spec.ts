import { createHmac } from 'node:crypto';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { calendlyReceiver as receiver } from './calendly.receiver';

// The invitee.created example of developer.calendly.com (webhook payload reference).
const INVITEE_CREATED = fixture(__dirname, 'invitee-created.json');
const KEY = 'calendly-webhook-signing-key';
const T = String(Math.floor(NOW.getTime() / 1000));
const URI = 'https://api.calendly.com/scheduled_events/GBGBDCAADAEDCRZ2/invitees/AAAAAAAAAAAAAAAA';

/** The documented scheme with node:crypto: hex HMAC-SHA256 of `t.body`. */
const v1 = (t: string, body: Buffer, key = KEY) =>
  createHmac('sha256', key).update(`${t}.`).update(body).digest('hex');
const signed = (header: string, body = INVITEE_CREATED) =>
  webhookRequest({ 'Calendly-Webhook-Signature': header }, body);
const verify = (req: IncomingWebhook, secrets = [KEY]) =>
  receiver.verify(req, { secrets, options: {}, now: NOW }) as VerifyResult;

describe('Calendly receiver', () => {
  it('accepts t=…,v1=… under the signing key, and under the older of two keys', () => {
    const req = signed(`t=${T},v1=${v1(T, INVITEE_CREATED)}`);
    expect(verify(req)).toEqual({ ok: true, secretIndex: 0 });
    expect(verify(req, ['newer-key', KEY])).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each([
    ['no header', webhookRequest({}, INVITEE_CREATED), /Calendly-Webhook-Signature is missing/],
    ['no t', signed(`v1=${v1(T, INVITEE_CREATED)}`), /"t" field/],
    ['a wrong key', signed(`t=${T},v1=${v1(T, INVITEE_CREATED, 'other')}`), /does not match/],
    [
      'a body changed after signing',
      signed(
        `t=${T},v1=${v1(T, INVITEE_CREATED)}`,
        Buffer.from(INVITEE_CREATED.toString().replace('test@example.com', 'x@example.com')),
      ),
      /does not match/,
    ],
    [
      'the body alone signed',
      signed(`t=${T},v1=${createHmac('sha256', KEY).update(INVITEE_CREATED).digest('hex')}`),
      /does not match/,
    ],
  ])('refuses %s (401 signature)', (_case, req, message) => {
    const result = verify(req);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([-301, 301])('refuses a genuine signature made %i s from now', (offset) => {
    const t = String(Number(T) + offset);
    expect(verify(signed(`t=${t},v1=${v1(t, INVITEE_CREATED)}`))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('normalizes event, event + payload.uri and created_at', () => {
    expect(normalizeWith(receiver, signed('x'))).toEqual({
      type: 'invitee.created',
      providerDeliveryId: `invitee.created ${URI}`,
      occurredAt: new Date('2020-11-23T17:51:19.000Z'),
    });
  });

  it('has no id without payload.uri, and refuses a body without event (400)', () => {
    expect(
      normalizeWith(
        receiver,
        signed('x', Buffer.from('{"event":"routing_form_submission.created","payload":{}}')),
      ),
    ).toEqual({
      type: 'routing_form_submission.created',
    });
    expect(() => normalizeWith(receiver, signed('x', Buffer.from('{"payload":{}}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
