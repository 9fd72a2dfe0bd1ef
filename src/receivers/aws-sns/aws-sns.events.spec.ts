import { normalizeSnsMessage } from './aws-sns.events';
import { request, signed } from './aws-sns.receiver.spec-helpers';
import { SNS_REDACTED } from './aws-sns.stored-body';

describe('aws-sns normalize', () => {
  it('Notification: type, MessageId, Timestamp; the raw bytes are stored', () => {
    const message = signed('notification.json');
    expect(normalizeSnsMessage(request(message), message)).toEqual({
      type: 'notification',
      providerDeliveryId: '22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324',
      occurredAt: new Date(message.Timestamp),
      storedBody: undefined,
    });
  });

  it('UnsubscribeConfirmation: stored without Token and SubscribeURL, all else kept', () => {
    const message = signed('unsubscribe-confirmation.json');
    const event = normalizeSnsMessage(request(message), message);
    expect(event.type).toBe('unsubscribe_confirmation');
    const stored = JSON.parse(event.storedBody!.toString('utf8')) as Record<string, string>;
    expect(stored).toEqual({ ...message, Token: SNS_REDACTED, SubscribeURL: SNS_REDACTED });
    expect(event.storedBody!.toString('utf8')).not.toContain(message.Token);
  });

  it('refuses a SubscriptionConfirmation, which is never stored', () => {
    const message = signed('subscription-confirmation.json');
    expect(() => normalizeSnsMessage(request(message), message)).toThrow(/is not stored/);
  });
});
