import { createHash, createHmac } from 'node:crypto';
import type { VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { zoomReceiver as receiver } from './zoom.receiver';

// Zoom's documented samples (developers.zoom.us/docs/api/webhooks): a meeting.started event and
// the endpoint.url_validation request.
const EVENT = fixture(__dirname, 'meeting-started.json');
const VALIDATION = fixture(__dirname, 'url-validation.json');
const SECRET = 'zoom-secret-token-Qx7d';
const ts = (at: Date) => String(Math.floor(at.getTime() / 1000));

/** Signed as Zoom documents it, with node:crypto. */
function signed(body: Buffer, { secret = SECRET, timestamp = ts(NOW) } = {}) {
  const message = `v0:${timestamp}:${body.toString('utf8')}`;
  return webhookRequest(
    {
      'x-zm-request-timestamp': timestamp,
      'x-zm-signature': `v0=${createHmac('sha256', secret).update(message).digest('hex')}`,
    },
    body,
  );
}
const verify = (req: ReturnType<typeof signed>, secrets = [SECRET], options = {}) =>
  receiver.verify(req, {
    secrets,
    options: receiver.parseOptions!(options),
    now: NOW,
  }) as VerifyResult;

describe('Zoom receiver', () => {
  it('accepts v0= over "v0:{timestamp}:{body}" under any configured secret', () => {
    expect(verify(signed(EVENT), ['zoom-next-token', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['another secret', signed(EVENT, { secret: 'other' }), 'signature'],
    [
      'another body',
      { ...signed(EVENT), rawBody: Buffer.from(EVENT.toString().replace('60', '61')) },
      'signature',
    ],
    ['no signature', webhookRequest({ 'x-zm-request-timestamp': ts(NOW) }, EVENT), 'signature'],
    ['no timestamp', { ...signed(EVENT), headers: { 'x-zm-signature': 'v0=00' } }, 'signature'],
    [
      'a timestamp 301 s old',
      signed(EVENT, { timestamp: String(Number(ts(NOW)) - 301) }),
      'stale-timestamp',
    ],
    [
      'a timestamp 301 s ahead',
      signed(EVENT, { timestamp: String(Number(ts(NOW)) + 301) }),
      'stale-timestamp',
    ],
  ])('refuses %s (401)', (_case, req, reason) => {
    expect(verify(req)).toMatchObject({ ok: false, reason });
  });

  it('answers the signed endpoint.url_validation with the token and its HMAC', () => {
    const req = signed(VALIDATION);
    expect(verify(req)).toEqual({ ok: true, secretIndex: 0 });
    const answer = receiver.handshakeAfterVerify!(req, receiver.parse(req), SECRET);
    const expected = createHmac('sha256', SECRET).update('qgg8vlvZRS6UYooatFL8Aw').digest('hex');
    expect(answer).toMatchObject({ status: 200, headers: { 'content-type': 'application/json' } });
    expect(JSON.parse(answer!.body as string)).toEqual({
      plainToken: 'qgg8vlvZRS6UYooatFL8Aw',
      encryptedToken: expected,
    });
  });

  it('leaves events to normalize, and refuses a validation without plainToken (400)', () => {
    const req = signed(EVENT);
    expect(receiver.handshakeAfterVerify!(req, receiver.parse(req), SECRET)).toBeUndefined();
    const bare = signed(Buffer.from('{"event":"endpoint.url_validation","payload":{}}'));
    expect(() => receiver.handshakeAfterVerify!(bare, receiver.parse(bare), SECRET)).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('normalizes event, a SHA-256 of the body and event_ts', () => {
    expect(normalizeWith(receiver, signed(EVENT))).toEqual({
      type: 'meeting.started',
      providerDeliveryId: createHash('sha256').update(EVENT).digest('hex'),
      occurredAt: new Date(1626230691572),
    });
  });

  it('refuses an event without event (400); declares 3 s; takes toleranceSeconds only', () => {
    expect(() => normalizeWith(receiver, signed(Buffer.from('{"payload":{}}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
    expect(receiver.ackDeadlineMs).toBe(3_000);
    expect(() => receiver.parseOptions!({ verificationToken: 'x' })).toThrow(
      /^options\.verificationToken is not a Zoom option/,
    );
  });
});
