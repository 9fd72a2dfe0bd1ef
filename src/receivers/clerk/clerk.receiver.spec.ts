import { Webhook } from 'standardwebhooks';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { clerkReceiver as receiver } from './clerk.receiver';

// The Standard Webhooks / Svix published vector; @clerk/backend verifies with `standardwebhooks`.
const VECTOR = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: '1614265330',
  body: Buffer.from('{"test": 2432232314}'),
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};
// The user.created example of clerk.com/docs (webhooks overview).
const USER_CREATED = fixture(__dirname, 'user-created.json');
const SECRET = 'whsec_' + Buffer.from('clerk-signing-secret-of-32-bytes').toString('base64');
const ID = 'msg_2HbVgeo5kI0dUoQLtJd2Uf1Vpz4';

/** Signed by `standardwebhooks`, in the svix-* headers Clerk sends. */
function signed(body: Buffer, { secret = SECRET, at = NOW, extra = '' } = {}) {
  const signature = new Webhook(secret).sign(ID, at, body);
  return webhookRequest(
    {
      'svix-id': ID,
      'svix-timestamp': String(Math.floor(at.getTime() / 1000)),
      'svix-signature': extra ? `${extra} ${signature}` : signature,
    },
    body,
  );
}
const verify = (req: IncomingWebhook, secrets = [SECRET], now = NOW) =>
  receiver.verify(req, { secrets, options: {}, now }) as VerifyResult;

describe('Clerk receiver', () => {
  it('accepts the published vector', () => {
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

  it('accepts a list with an invalid signature before the valid one, as @clerk/backend does', () => {
    const req = signed(USER_CREATED, {
      extra: 'v1,invalidsignaturebase64AAAAAAAAAAAAAAAAAAAAAAA=',
    });
    expect(verify(req)).toEqual({ ok: true, secretIndex: 0 });
  });

  it.each([
    [
      'a foreign secret',
      signed(USER_CREATED, { secret: 'whsec_' + Buffer.from('x').toString('base64') }),
      [SECRET],
    ],
    ['a configured secret that is not base64', signed(USER_CREATED), ['not base64!']],
    [
      'a body changed after signing',
      {
        ...signed(USER_CREATED),
        rawBody: Buffer.from(USER_CREATED.toString().replace('567772', '1')),
      },
      [SECRET],
    ],
  ])('refuses %s (401 signature)', (_case, req, secrets) => {
    expect(verify(req, secrets)).toMatchObject({
      ok: false,
      reason: 'signature',
    });
  });

  it.each([-301, 301])('refuses a genuine signature made %i s from now', (offset) => {
    const at = new Date(NOW.getTime() + offset * 1000);
    expect(verify(signed(USER_CREATED, { at }))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('normalizes type and svix-id; a body without type is 400', () => {
    expect(normalizeWith(receiver, signed(USER_CREATED))).toEqual({
      type: 'user.created',
      providerDeliveryId: ID,
    });
    expect(() => normalizeWith(receiver, signed(Buffer.from('{"object":"event"}')))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
