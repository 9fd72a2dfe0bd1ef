import { MalformedBodyError } from '../../errors/webhook-errors';
import type { IncomingWebhook, NormalizedEvent } from '../receiver';
import { shopifyHeader } from './shopify.headers';

/**
 * `type` is the topic header (`orders/create`). The de-duplication key is the event id, which
 * stays the same across Shopify's retries (8 over 4 hours), else the webhook id. Retries carry
 * the original payload, and Triggered-At says when the event happened.
 */
export function normalizeShopifyEvent(req: IncomingWebhook): NormalizedEvent {
  const type = shopifyHeader(req, 'topic');
  if (!type)
    throw new MalformedBodyError('the X-Shopify-Topic (or Shopify-Topic) header is missing');
  return {
    type,
    providerDeliveryId: shopifyHeader(req, 'event-id') ?? shopifyHeader(req, 'webhook-id'),
    occurredAt: isoDate(shopifyHeader(req, 'triggered-at')),
  };
}

function isoDate(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
