import { Webhook } from 'standardwebhooks';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { resendReceiver as receiver } from './resend.receiver';

// The Standard Webhooks / Svix published vector (standard-webhooks spec and svix-webhooks
// libraries' tests), which resend-node checks through the `standardwebhooks` package.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: Buffer.from('{"test": 2432232314}'),
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
// The email.sent example of resend.com/docs (webhooks, event types).
const EMAIL_SENT = fixture(__dirname, 'email-sent.json');
const SECRET = 'whsec_' + Buffer.from('resend-signing-secret-32-bytes!!').toString('base64');

/** Signed by `standardwebhooks`, the verifier resend-node delegates to, in Svix's headers. */
function signed(
  body: Buffer,
  { secret = SECRET, id = 'msg_2crwTWMpC3mBBmpkPDSWVv2cfx0', at = NOW } = {},
) {
  return webhookRequest(
    {
      'svix-id': id,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': new Webhook(secret).sign(id, at, body),
    },
    body,
  );
}
const verify = (req: IncomingWebhook, secrets = [SECRET], now = NOW) =>
  receiver.verify(req, { secrets, options: {}, now }) as VerifyResult;

describe('Resend receiver', () => {
  it('accepts the published vector in svix-* headers', () => {
    const req = webhookRequest(
      {
        'svix-id': VECTOR.id,
        'svix-timestamp': VECTOR.timestamp,
        'svix-signature': VECTOR.signature,
      },
      VECTOR.body,
    );
    expect(verify(req, [VECTOR.secret], new Date(Number(VECTOR.timestamp) * 1000))).toEqual({
      ok: true,
      secretIndex: 0,
    });
  });

  it('accepts what the SDK signs, under the older of two secrets too', () => {
    expect(verify(signed(EMAIL_SENT))).toEqual({ ok: true, secretIndex: 0 });
    expect(verify(signed(EMAIL_SENT), ['whsec_bmV3ZXI=', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    [
      'webhook-* headers instead of svix-*',
      (() => {
        const req = signed(EMAIL_SENT);
        const h = req.headers;
        return {
          ...req,
          headers: {
            'webhook-id': h['svix-id'],
            'webhook-timestamp': h['svix-timestamp'],
            'webhook-signature': h['svix-signature'],
          },
        };
      })(),
      /svix-signature is missing/,
    ],
    [
      'another id than signed',
      { ...signed(EMAIL_SENT), headers: { ...signed(EMAIL_SENT).headers, 'svix-id': 'msg_other' } },
      /does not match/,
    ],
    [
      'a foreign secret',
      signed(EMAIL_SENT, { secret: 'whsec_' + Buffer.from('another').toString('base64') }),
      /does not match/,
    ],
    [
      'a body changed after signing',
      {
        ...signed(EMAIL_SENT),
        rawBody: Buffer.from(EMAIL_SENT.toString().replace('delivered@', 'bounced@')),
      },
      /does not match/,
    ],
  ])('refuses %s (401 signature)', (_case, req, message) => {
    const result = verify(req);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([-301, 301])('refuses a genuine signature made %i s from now', (offset) => {
    const at = new Date(NOW.getTime() + offset * 1000);
    expect(verify(signed(EMAIL_SENT, { at }))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('normalizes type, svix-id and created_at', () => {
    expect(normalizeWith(receiver, signed(EMAIL_SENT))).toEqual({
      type: 'email.sent',
      providerDeliveryId: 'msg_2crwTWMpC3mBBmpkPDSWVv2cfx0',
      occurredAt: new Date('2024-02-22T23:41:12.126Z'),
    });
  });
});
