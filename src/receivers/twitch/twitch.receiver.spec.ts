import { createHmac } from 'node:crypto';
import type { VerifyResult } from '../receiver';
import { fixture, NOW, normalizeWith, webhookRequest } from '../shared/receiver.spec-helpers';
import { twitchReceiver as receiver } from './twitch.receiver';

// The samples of dev.twitch.tv/docs/eventsub/handling-webhook-events.
const FOLLOW = fixture(__dirname, 'channel-follow.json');
const CHALLENGE = fixture(__dirname, 'challenge.json');
const REVOCATION = fixture(__dirname, 'revocation.json');
const SECRET = 'twitch-eventsub-secret-0f3a';
const MESSAGE_ID = 'e76c6bd4-55c9-4987-8304-da1588d8988b';
// RFC 3339 with nanoseconds, as Twitch sends it.
const stamp = (at: Date) => at.toISOString().replace('Z', '123456Z');

/** Signed as Twitch documents it, with node:crypto. */
function signed(
  body: Buffer,
  type: string,
  { secret = SECRET, timestamp = stamp(NOW), id = MESSAGE_ID } = {},
) {
  const hmac = createHmac('sha256', secret)
    .update(id + timestamp)
    .update(body)
    .digest('hex');
  return webhookRequest(
    {
      'Twitch-Eventsub-Message-Id': id,
      'Twitch-Eventsub-Message-Retry': '0',
      'Twitch-Eventsub-Message-Type': type,
      'Twitch-Eventsub-Message-Signature': `sha256=${hmac}`,
      'Twitch-Eventsub-Message-Timestamp': timestamp,
      'Twitch-Eventsub-Subscription-Type': 'channel.follow',
      'Twitch-Eventsub-Subscription-Version': '2',
    },
    body,
  );
}
const verify = (req: ReturnType<typeof signed>, secrets = [SECRET]) =>
  receiver.verify(req, { secrets, options: receiver.parseOptions!({}), now: NOW }) as VerifyResult;
const at = (seconds: number) => stamp(new Date(NOW.getTime() + seconds * 1000));

describe('Twitch EventSub receiver', () => {
  it('accepts sha256= over message id + timestamp + body under any configured secret', () => {
    expect(verify(signed(FOLLOW, 'notification'), ['next', SECRET])).toEqual({
      ok: true,
      secretIndex: 1,
    });
  });

  it.each([
    ['another secret', signed(FOLLOW, 'notification', { secret: 'x' }), 'signature'],
    [
      'another message id',
      {
        ...signed(FOLLOW, 'notification'),
        headers: {
          ...signed(FOLLOW, 'notification').headers,
          'twitch-eventsub-message-id': 'other',
        },
      },
      'signature',
    ],
    [
      'a message 601 s old',
      signed(FOLLOW, 'notification', { timestamp: at(-601) }),
      'stale-timestamp',
    ],
    [
      'a message 601 s ahead',
      signed(FOLLOW, 'notification', { timestamp: at(601) }),
      'stale-timestamp',
    ],
    ['no signature', webhookRequest({}, FOLLOW), 'signature'],
  ])('refuses %s (401)', (_case, req, reason) => {
    expect(verify(req)).toMatchObject({ ok: false, reason });
  });

  it('accepts a message 599 s old (Twitch drops after 10 minutes)', () => {
    expect(verify(signed(FOLLOW, 'notification', { timestamp: at(-599) }))).toMatchObject({
      ok: true,
    });
  });

  it('answers the signed webhook_callback_verification with the challenge as text/plain', () => {
    const req = signed(CHALLENGE, 'webhook_callback_verification');
    expect(verify(req)).toMatchObject({ ok: true });
    expect(receiver.handshakeAfterVerify!(req, receiver.parse(req), SECRET)).toEqual({
      status: 200,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: 'pogchamp-kappa-360noscope-vohiyo',
    });
  });

  it('leaves notifications and revocations to normalize', () => {
    for (const [body, type] of [
      [FOLLOW, 'notification'],
      [REVOCATION, 'revocation'],
    ] as const) {
      const req = signed(body, type);
      expect(receiver.handshakeAfterVerify!(req, receiver.parse(req), SECRET)).toBeUndefined();
    }
  });

  it.each([
    [FOLLOW, 'notification', 'channel.follow'],
    [REVOCATION, 'revocation', 'revocation.channel.follow'],
  ])('types a %#: the subscription type, revocations apart', (body, kind, type) => {
    expect(normalizeWith(receiver, signed(body, kind))).toEqual({
      type,
      providerDeliveryId: MESSAGE_ID,
      occurredAt: new Date(NOW.getTime()),
    });
  });

  it('refuses an unknown message type (400)', () => {
    expect(() => normalizeWith(receiver, signed(FOLLOW, 'something_else'))).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });
});
