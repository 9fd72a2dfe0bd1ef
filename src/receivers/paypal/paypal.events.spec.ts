import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook } from '../receiver';
import { normalizePaypalEvent } from './paypal.events';

const req = {} as IncomingWebhook;
const sample = JSON.parse(
  readFileSync(join(__dirname, 'fixtures/payment-capture-completed.json'), 'utf8'),
);

describe('PayPal event normalization', () => {
  it("takes type, event id and time from PayPal's sample event", () => {
    expect(normalizePaypalEvent(req, sample)).toEqual({
      type: 'PAYMENT.CAPTURE.COMPLETED',
      providerDeliveryId: 'WH-58D329510W468432D-8HN650336L201105X',
      occurredAt: new Date('2019-02-14T21:50:07.940Z'),
    });
  });

  it('leaves out an id or time that is missing or not a date', () => {
    expect(normalizePaypalEvent(req, { event_type: 'X.Y', create_time: 'soon' })).toEqual({
      type: 'X.Y',
      providerDeliveryId: undefined,
      occurredAt: undefined,
    });
  });

  it.each([[{}], [{ event_type: 42 }], [[]], [null]])('refuses %j as malformed', (payload) => {
    expect(() => normalizePaypalEvent(req, payload)).toThrow(MalformedBodyError);
  });
});
