import type { IncomingWebhook } from '../receiver';

/**
 * Shopify sends one of two header families: `X-Shopify-*` (classic webhooks) or the same names
 * without the prefix (Events). The family is chosen by which HMAC header is present, as
 * @shopify/shopify-api does, and every other header is read from that same family only.
 */
export type ShopifyHeaderFamily = 'x-shopify-' | 'shopify-';

export function shopifyHeaderFamily(req: IncomingWebhook): ShopifyHeaderFamily | undefined {
  if (req.headers['x-shopify-hmac-sha256'] !== undefined) return 'x-shopify-';
  if (req.headers['shopify-hmac-sha256'] !== undefined) return 'shopify-';
  return undefined;
}

/** A header of the request's family, e.g. `shopifyHeader(req, 'topic')`; empty counts as absent. */
export function shopifyHeader(req: IncomingWebhook, name: string): string | undefined {
  const family = shopifyHeaderFamily(req);
  return (family && req.headers[`${family}${name}`]) || undefined;
}
