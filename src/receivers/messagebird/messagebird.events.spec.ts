import { createHmac } from 'node:crypto';
import { fixture, webhookRequest } from '../shared/receiver.spec-helpers';
import { messagebirdReceiver } from './messagebird.receiver';

const MESSAGE_CREATED = fixture(__dirname, 'message-created.json');

/** An HS256 compact JWS made here with node:crypto, for a header whose jti normalize reads. */
function tokenWithJti(jti: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ iss: 'MessageBird', jti })}`;
  return `${input}.${createHmac('sha256', 'key').update(input).digest('base64url')}`;
}

const normalize = (body: Buffer | string, headers: Record<string, string> = {}) => {
  const req = webhookRequest(headers, Buffer.from(body));
  return messagebirdReceiver.normalize(req, messagebirdReceiver.parse(req));
};

describe('MessageBird normalization', () => {
  it('types a Conversations message event and keys it by message id and status', () => {
    expect(normalize(MESSAGE_CREATED)).toEqual({
      type: 'message.created',
      providerDeliveryId: '107b7a4f11114a1aa5d20c6d2e7ad7f9:received',
      occurredAt: new Date('2019-04-02T14:37:35.424Z'),
    });
  });

  it('keys another event by the token jti (a replayed token is a duplicate)', () => {
    const body = '{"type":"conversation.created","conversation":{"id":"c1"}}';
    const headers = { 'messagebird-signature-jwt': tokenWithJti('59a244dc-jti') };
    expect(normalize(body, headers)).toEqual({
      type: 'conversation.created',
      providerDeliveryId: '59a244dc-jti',
    });
  });

  it('reads the event of a Bird-style body', () => {
    expect(normalize('{"service":"channels","event":"sms.inbound","payload":{}}')).toEqual({
      type: 'sms.inbound',
    });
  });

  it.each([
    ['no type', '{"message":{"id":"m"}}', /"type"/],
    ['an array', '[]', /object/],
    ['not JSON', 'Hello, World!', /invalid JSON/],
  ])('refuses a body with %s (400)', (_case, body, message) => {
    expect(() => normalize(body)).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringMatching(message) }),
    );
  });

  it('takes no options, pointing to publicUrl', () => {
    expect(messagebirdReceiver.parseOptions!(undefined)).toEqual({});
    expect(() => messagebirdReceiver.parseOptions!({ url: 'x' })).toThrow(/publicUrl/);
  });
});
