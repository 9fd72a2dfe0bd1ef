import type { IncomingWebhook } from '../receiver';
import { shopifyReceiver } from './shopify.receiver';

function request(headers: Record<string, string>): IncomingWebhook {
  return {
    method: 'POST',
    url: '',
    query: {},
    headers,
    rawBody: Buffer.from('{}'),
    contentType: 'application/json',
  };
}
const TRIGGERED = '2026-11-27T11:59:58.123Z';

describe('Shopify normalization', () => {
  it.each([
    [
      'the X-Shopify-* family',
      {
        'x-shopify-hmac-sha256': 'h',
        'x-shopify-topic': 'orders/create',
        'x-shopify-event-id': 'ev-1',
        'x-shopify-webhook-id': 'wh-1',
        'x-shopify-triggered-at': TRIGGERED,
      },
      { type: 'orders/create', providerDeliveryId: 'ev-1', occurredAt: new Date(TRIGGERED) },
    ],
    [
      'the unprefixed family',
      {
        'shopify-hmac-sha256': 'h',
        'shopify-topic': 'orders/create',
        'shopify-event-id': 'ev-2',
        'shopify-triggered-at': TRIGGERED,
      },
      { type: 'orders/create', providerDeliveryId: 'ev-2', occurredAt: new Date(TRIGGERED) },
    ],
    [
      'the webhook id when no event id is sent',
      {
        'x-shopify-hmac-sha256': 'h',
        'x-shopify-topic': 'products/update',
        'x-shopify-webhook-id': 'wh-3',
      },
      { type: 'products/update', providerDeliveryId: 'wh-3', occurredAt: undefined },
    ],
    [
      'headers of the other family are ignored',
      {
        'x-shopify-hmac-sha256': 'h',
        'x-shopify-topic': 'orders/paid',
        'shopify-event-id': 'not-this-one',
      },
      { type: 'orders/paid', providerDeliveryId: undefined, occurredAt: undefined },
    ],
    [
      'an unparseable Triggered-At is left out',
      {
        'x-shopify-hmac-sha256': 'h',
        'x-shopify-topic': 'orders/paid',
        'x-shopify-triggered-at': 'yesterday',
      },
      { type: 'orders/paid', providerDeliveryId: undefined, occurredAt: undefined },
    ],
  ])('%s', (_case, headers, expected) => {
    expect(shopifyReceiver.normalize(request(headers), {})).toEqual(expected);
  });

  it('refuses a delivery without a topic (400)', () => {
    expect(() => shopifyReceiver.normalize(request({ 'x-shopify-hmac-sha256': 'h' }), {})).toThrow(
      expect.objectContaining({ status: 400 }),
    );
  });

  it('refuses an unsigned delivery, naming both header families', () => {
    const result = shopifyReceiver.verify(request({ 'x-shopify-topic': 'orders/create' }), {
      secrets: ['s'],
      options: {},
      now: new Date(),
    });
    expect(result).toMatchObject({
      ok: false,
      reason: 'signature',
      message: expect.stringContaining('Shopify-Hmac-Sha256'),
    });
  });

  it('takes no options', () => {
    expect(shopifyReceiver.parseOptions!({})).toEqual({});
    expect(() => shopifyReceiver.parseOptions!({ apiVersion: '2025-01' })).toThrow(
      /^options\.apiVersion is not a Shopify option/,
    );
  });
});
