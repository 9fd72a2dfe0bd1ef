import { SNS_CERT_URL } from '../../../test/helpers/sns-delivery';
import { HandshakeRefusedError } from '../../errors/webhook-errors';
import { UpstreamUnavailableError } from '../shared/fetch/upstream-unavailable';
import { context, NOW, pki, request, signed, snsReceiver } from './aws-sns.receiver.spec-helpers';

const SUBSCRIBE_URL =
  'https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=2336412f37...';

describe('aws-sns receiver: verify', () => {
  it.each(['1', '2'] as const)(
    'accepts a Notification signed with SignatureVersion %s',
    async (v) => {
      const { receiver, calls } = snsReceiver();
      const result = await receiver.verify(request(signed('notification.json', {}, v)), context());
      expect(result).toEqual({ ok: true, secretIndex: 0 });
      expect(calls.map((c) => c.url)).toEqual([SNS_CERT_URL]);
    },
  );

  it('accepts an UnsubscribeConfirmation (Token and SubscribeURL signed)', async () => {
    const { receiver } = snsReceiver();
    const message = signed('unsubscribe-confirmation.json');
    expect(await receiver.verify(request(message), context())).toEqual({
      ok: true,
      secretIndex: 0,
    });
    const tampered = { ...message, Token: 'another-token' };
    expect(await receiver.verify(request(tampered), context())).toMatchObject({ ok: false });
  });

  it('fetches a certificate once and serves later messages from the cache', async () => {
    const { receiver, calls } = snsReceiver();
    for (const id of ['a', 'b', 'c']) {
      const result = await receiver.verify(
        request(signed('notification.json', { MessageId: id })),
        context(),
      );
      expect(result.ok).toBe(true);
    }
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['another host', 'https://sns.us-west-2.amazonaws.com.evil.test/cert.pem'],
    ['userinfo', 'https://sns.us-west-2.amazonaws.com@evil.test/cert.pem'],
    ['http', 'http://sns.us-west-2.amazonaws.com/cert.pem'],
    ['a port', 'https://sns.us-west-2.amazonaws.com:8443/cert.pem'],
    ['not .pem', 'https://sns.us-west-2.amazonaws.com/cert.key'],
    ['a query', 'https://sns.us-west-2.amazonaws.com/cert.pem?x=1'],
    ['another region than the topic', 'https://sns.eu-west-1.amazonaws.com/cert.pem'],
  ])('401 for a SigningCertURL with %s, and no request is made', async (_label, certUrl) => {
    const { receiver, calls } = snsReceiver();
    const message = signed('notification.json', { SigningCertURL: certUrl });
    const result = await receiver.verify(request(message), context());
    expect(result).toMatchObject({
      ok: false,
      reason: 'signature',
      message: /SigningCertURL is refused/,
    });
    expect(calls).toHaveLength(0);
  });

  it('401 for a topic not in options.topicArns, naming the option, without a request', async () => {
    const { receiver, calls } = snsReceiver();
    const message = signed('notification.json', {
      TopicArn: 'arn:aws:sns:us-west-2:999999999999:Other',
    });
    expect(await receiver.verify(request(message), context())).toMatchObject({
      ok: false,
      message: /options\.topicArns/,
    });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['the untrusted chain', () => pki.untrustedChain, /does not chain to a trusted CA/],
    ['the wrong subject', () => pki.wrongSubjectChain, /not sns\.amazonaws\.com/],
  ])('401 for a certificate with %s', async (_label, chain, message) => {
    const { receiver } = snsReceiver({
      [`GET ${SNS_CERT_URL}`]: () => new Response(chain(), { status: 200 }),
    });
    const result = await receiver.verify(request(signed('notification.json')), context());
    expect(result).toMatchObject({ ok: false, reason: 'signature', message });
  });

  it('401 for an expired certificate (the clock past its notAfter)', async () => {
    const { receiver } = snsReceiver();
    const later = new Date(NOW.getTime() + 40 * 86_400_000);
    const message = signed('notification.json', {}, '2', later);
    expect(await receiver.verify(request(message), context({}, later))).toMatchObject({
      ok: false,
      message: /expired/,
    });
  });

  it('503 upstream-unavailable when the certificate cannot be fetched', async () => {
    const { receiver } = snsReceiver({
      [`GET ${SNS_CERT_URL}`]: () => Promise.reject(new TypeError('fetch failed')),
    });
    await expect(
      receiver.verify(request(signed('notification.json')), context()),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });

  it.each([
    ['too old', -3_901],
    ['from the future', 301],
  ])('401 stale-timestamp for a message %s', async (_label, offsetSeconds) => {
    const { receiver, calls } = snsReceiver();
    const at = new Date(NOW.getTime() + offsetSeconds * 1000);
    const result = await receiver.verify(
      request(signed('notification.json', {}, '2', at)),
      context(),
    );
    expect(result).toMatchObject({ ok: false, reason: 'stale-timestamp' });
    expect(calls).toHaveLength(0);
  });

  it('401 for raw message delivery, which SNS does not sign', async () => {
    const { receiver } = snsReceiver();
    const result = await receiver.verify(
      { ...request(signed('notification.json')), headers: { 'x-amz-sns-rawdelivery': 'true' } },
      context(),
    );
    expect(result).toMatchObject({ ok: false, message: /raw message delivery/ });
  });

  it('401 for SignatureVersion 3', async () => {
    const { receiver } = snsReceiver();
    const message = { ...signed('notification.json'), SignatureVersion: '3' };
    expect(await receiver.verify(request(message), context())).toMatchObject({
      ok: false,
      message: /not 1 or 2/,
    });
  });
});

describe('aws-sns receiver: SubscriptionConfirmation', () => {
  const confirmation = (changes: Record<string, string> = {}) =>
    signed('subscription-confirmation.json', changes);

  it('confirms by GET of SubscribeURL when options.confirmSubscriptions is true', async () => {
    const { receiver, calls } = snsReceiver({
      [`GET ${SUBSCRIBE_URL}`]: () =>
        new Response('<ConfirmSubscriptionResponse/>', { status: 200 }),
    });
    const result = await receiver.verify(
      request(confirmation()),
      context({ confirmSubscriptions: true }),
    );
    expect(result.ok).toBe(true);
    expect(calls.map((c) => c.url)).toEqual([SNS_CERT_URL, SUBSCRIBE_URL]);
    expect(receiver.handshakeAfterVerify!(request(confirmation()), confirmation())).toMatchObject({
      status: 200,
    });
  });

  it('403 naming the topic and the option, without the token, when confirming is off', async () => {
    const { receiver, calls } = snsReceiver();
    const verifying = receiver.verify(request(confirmation()), context());
    await expect(verifying).rejects.toBeInstanceOf(HandshakeRefusedError);
    await expect(verifying).rejects.toThrow(/MyTopic.*options\.confirmSubscriptions/s);
    await expect(verifying).rejects.not.toThrow(/2336412f37/);
    expect(calls.map((c) => c.url)).toEqual([SNS_CERT_URL]);
  });

  it.each([
    'https://evil.test/?Action=ConfirmSubscription&Token=x',
    'https://sns.us-west-2.amazonaws.com.evil.test/?Action=ConfirmSubscription',
    'https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe',
    'https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription',
    'http://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription',
  ])('401 for SubscribeURL %s, and it is never requested', async (subscribeUrl) => {
    const { receiver, calls } = snsReceiver();
    const result = await receiver.verify(
      request(confirmation({ SubscribeURL: subscribeUrl })),
      context({ confirmSubscriptions: true }),
    );
    expect(result).toMatchObject({ ok: false, message: /SubscribeURL is refused/ });
    expect(calls.map((c) => c.url)).toEqual([SNS_CERT_URL]);
  });

  it('503 when SNS cannot be reached to confirm, so SNS retries the confirmation', async () => {
    const { receiver } = snsReceiver({
      [`GET ${SUBSCRIBE_URL}`]: () => new Response('busy', { status: 503 }),
    });
    await expect(
      receiver.verify(request(confirmation()), context({ confirmSubscriptions: true })),
    ).rejects.toBeInstanceOf(UpstreamUnavailableError);
  });
});
