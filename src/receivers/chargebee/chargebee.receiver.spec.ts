import {
  fixture,
  normalizeWith,
  verifyWith,
  webhookRequest,
} from '../shared/receiver.spec-helpers';
import { chargebeeReceiver as receiver } from './chargebee.receiver';

// The event shape of Chargebee's own webhook reference (chargebee/ai
// `chargebee-integration/references/webhooks.md`), with a documented event type.
const EVENT = fixture(__dirname, 'subscription-created.json');
const SECRET = 'chargebee:webhook-password';
// Encoded here with Buffer, as a sender does (RFC 7617), not by src/ code.
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;
const sent = (headers: Record<string, string>, body = EVENT) => webhookRequest(headers, body);

describe('Chargebee receiver', () => {
  it('accepts the Basic credentials under any configured user:password', () => {
    expect(
      verifyWith(receiver, sent({ authorization: basic(SECRET) }), ['chargebee:next', SECRET]),
    ).toEqual({ ok: true, secretIndex: 1 });
  });

  it.each<[string, Record<string, string>]>([
    ['no Authorization', {}],
    ['a wrong password', { authorization: basic('chargebee:guess') }],
    ['a Bearer token', { authorization: `Bearer ${SECRET}` }],
  ])('refuses %s (401), never quoting a secret', (_case, headers) => {
    const result = verifyWith(receiver, sent(headers), [SECRET]);
    expect(result).toMatchObject({ ok: false, reason: 'signature' });
    expect(JSON.stringify(result)).not.toMatch(/webhook-password|guess/);
  });

  it('wants user:password secrets and no options', () => {
    expect(receiver.checkSecret!(SECRET)).toBeUndefined();
    expect(receiver.checkSecret!('webhook-password')).toMatch(/^must be user:password/);
    expect(() => receiver.parseOptions!({ user: 'x' })).toThrow(
      /^options\.user is not a Chargebee option/,
    );
  });

  it('normalizes event_type, id and occurred_at (Unix seconds)', () => {
    expect(normalizeWith(receiver, sent({}))).toEqual({
      type: 'subscription_created',
      providerDeliveryId: 'ev_16BHbhF4s42tO2lK',
      occurredAt: new Date('2024-01-01T00:00:00Z'),
    });
  });

  it('refuses an event without event_type (400)', () => {
    expect(() => normalizeWith(receiver, sent({}, Buffer.from('{"id":"ev_1"}')))).toThrow(
      expect.objectContaining({ status: 400, message: expect.stringContaining('event_type') }),
    );
  });
});
