import type { IncomingWebhook } from '../receiver';
import setupIntentCreated from './fixtures/setup-intent-created.json';
import { stripeReceiver as receiver } from './stripe.receiver';

const request = (body: unknown): IncomingWebhook => ({
  method: 'POST',
  url: 'http://localhost/webhooks/stripe/x',
  query: {},
  headers: {},
  rawBody: Buffer.from(JSON.stringify(body)),
  contentType: 'application/json',
});
const normalize = (body: unknown) => {
  const req = request(body);
  return receiver.normalize(req, receiver.parse(req));
};

describe('Stripe receiver', () => {
  it('normalizes the documented event object: type, evt_ id, created', () => {
    expect(normalize(setupIntentCreated)).toEqual({
      type: 'setup_intent.created',
      providerDeliveryId: 'evt_1NG8Du2eZvKYlo2CUI79vXWy',
      occurredAt: new Date(1686089970 * 1000),
    });
  });

  it('reads the ISO `created` of a v2 thin event', () => {
    const thin = {
      id: 'evt_test_65R',
      object: 'v2.core.event',
      type: 'v1.billing.meter.error_report_triggered',
      created: '2024-09-17T06:20:52.246Z',
    };
    expect(normalize(thin)).toEqual({
      type: 'v1.billing.meter.error_report_triggered',
      providerDeliveryId: 'evt_test_65R',
      occurredAt: new Date('2024-09-17T06:20:52.246Z'),
    });
  });

  it.each([
    ['no type', { id: 'evt_1' }, /"type"/],
    ['no id', { type: 'charge.succeeded' }, /"id"/],
    ['a numeric id', { id: 1, type: 'charge.succeeded' }, /"id"/],
  ])('refuses an event with %s (400)', (_case, body, message) => {
    expect(() => normalize(body)).toThrow(message);
  });

  it('leaves occurredAt out when created is missing or not a time', () => {
    expect(normalize({ id: 'evt_1', type: 'x', created: 'soon' }).occurredAt).toBeUndefined();
    expect(normalize({ id: 'evt_1', type: 'x' }).occurredAt).toBeUndefined();
  });

  it.each([
    [undefined, { toleranceSeconds: 300 }],
    [{ toleranceSeconds: 0 }, { toleranceSeconds: 0 }],
    [{ toleranceSeconds: 900 }, { toleranceSeconds: 900 }],
  ])('parses options %j', (options, expected) => {
    expect(receiver.parseOptions!(options)).toEqual(expected);
  });

  it.each([
    [{ toleranceSeconds: -1 }, /^options\.toleranceSeconds must be a whole number/],
    [{ toleranceSeconds: null }, /^options\.toleranceSeconds must be a whole number/],
    [{ webhookSecret: 'whsec_x' }, /^options\.webhookSecret is not a Stripe option/],
  ])('refuses options %j at start-up', (options, message) => {
    expect(() => receiver.parseOptions!(options)).toThrow(message);
  });
});
