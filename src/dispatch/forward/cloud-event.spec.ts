import { HTTP } from 'cloudevents';
import type { WebhookEvent } from '../webhook-event';
import { cloudEventMessage } from './cloud-event';

function event(overrides: Partial<WebhookEvent> = {}): WebhookEvent {
  return {
    id: '01936b2e-0000-7000-8000-000000000001',
    provider: 'stripe',
    endpoint: 'billing',
    type: 'invoice.paid',
    providerDeliveryId: 'evt_123',
    receivedAt: new Date('2026-11-27T12:00:05.000Z'),
    payload: { id: 'evt_123', data: { amount: 4200 } },
    headers: {},
    rawBody: Buffer.alloc(0),
    attempt: 1,
    signal: new AbortController().signal,
    replying: false,
    ...overrides,
  };
}

describe('a delivery as a CloudEvent (structured JSON)', () => {
  it('carries the delivery id, source, type, time, data and extensions, and parses back', async () => {
    const message = await cloudEventMessage(
      event({ occurredAt: new Date('2026-11-27T11:59:00Z') }),
    );
    expect(message.contentType).toBe('application/cloudevents+json; charset=utf-8');
    expect(message.id).toBe('01936b2e-0000-7000-8000-000000000001');
    expect(message.type).toBe('stripe.invoice.paid');
    const parsed = HTTP.toEvent({
      headers: { 'content-type': message.contentType },
      body: message.body,
    }) as unknown as Record<string, unknown> & { validate(): boolean };
    expect(parsed.validate()).toBe(true);
    expect(JSON.parse(message.body)).toEqual({
      specversion: '1.0',
      id: '01936b2e-0000-7000-8000-000000000001',
      source: '/hookgate/stripe/billing',
      type: 'stripe.invoice.paid',
      time: '2026-11-27T11:59:00.000Z',
      datacontenttype: 'application/json',
      data: { id: 'evt_123', data: { amount: 4200 } },
      hookgateendpoint: 'billing',
      providerdeliveryid: 'evt_123',
    });
  });

  it('uses the receive time when the provider says none, and leaves out a missing provider id', async () => {
    const body = JSON.parse(
      (await cloudEventMessage(event({ providerDeliveryId: undefined, payload: null }))).body,
    );
    expect(body.time).toBe('2026-11-27T12:00:05.000Z');
    expect(body).not.toHaveProperty('providerdeliveryid');
    expect(body.data).toBeNull();
  });
});
