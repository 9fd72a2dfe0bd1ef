import { Webhook } from 'standardwebhooks';
import type { IncomingWebhook, VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { polarReceiver as receiver } from './polar.receiver';

// A checkout.created event shaped as polarsource/polar-js `src/webhooks/index.test.ts` builds it.
const CHECKOUT_CREATED = fixture(__dirname, 'checkout-created.json');
const SECRET = 'polar_whs_TestSecret4jH2kLp9';
const ID = 'WEBHOOK_ID';

/**
 * Signed as polar-js's own test signs: `standardwebhooks` under the base64 of the secret's
 * UTF-8 bytes, in `webhook-*` headers.
 */
function signed(body: Buffer, { secret = SECRET, at = NOW } = {}) {
  const key = Buffer.from(secret, 'utf-8').toString('base64');
  return webhookRequest(
    {
      'webhook-id': ID,
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(key).sign(ID, at, body),
    },
    body,
  );
}
const verify = (req: IncomingWebhook, secrets = [SECRET]) =>
  receiver.verify(req, { secrets, options: {}, now: NOW }) as VerifyResult;

describe('Polar receiver', () => {
  it('accepts what polar-js accepts: the secret as text is the key', () => {
    expect(verify(signed(CHECKOUT_CREATED))).toEqual({ ok: true, secretIndex: 0 });
    expect(verify(signed(CHECKOUT_CREATED), ['AnotherSecret', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it('refuses a signature made with the secret taken as whsec_ base64 (not how Polar signs)', () => {
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const at = NOW;
    const req = webhookRequest(
      {
        'webhook-id': ID,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(secret).sign(ID, at, CHECKOUT_CREATED),
      },
      CHECKOUT_CREATED,
    );
    expect(verify(req, [secret])).toMatchObject({ ok: false, reason: 'signature' });
  });

  it.each([
    ['another secret', signed(CHECKOUT_CREATED, { secret: 'AnotherSecret' }), /does not match/],
    [
      'svix-* headers',
      (() => {
        const h = signed(CHECKOUT_CREATED).headers;
        return webhookRequest(
          {
            'svix-id': h['webhook-id']!,
            'svix-timestamp': h['webhook-timestamp']!,
            'svix-signature': h['webhook-signature']!,
          },
          CHECKOUT_CREATED,
        );
      })(),
      /webhook-signature is missing/,
    ],
    [
      'no webhook-id',
      (() => {
        const req = signed(CHECKOUT_CREATED);
        return { ...req, headers: { ...req.headers, 'webhook-id': undefined } };
      })(),
      /webhook-id is missing/,
    ],
  ])('refuses %s (401 signature)', (_case, req, message) => {
    const result = verify(req);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(result.ok === false && result.message).toMatch(message);
  });

  it.each([-301, 301])('refuses a genuine signature made %i s from now', (offset) => {
    const at = new Date(NOW.getTime() + offset * 1000);
    expect(verify(signed(CHECKOUT_CREATED, { at }))).toMatchObject({
      ok: false,
      reason: 'stale-timestamp',
    });
  });

  it('normalizes type and webhook-id', () => {
    expect(normalizeWith(receiver, signed(CHECKOUT_CREATED))).toEqual({
      type: 'checkout.created',
      providerDeliveryId: ID,
    });
  });
});
