import { rejectUnknownOptions } from '../shared/options';

/** Shopify endpoints take no options: the app's client secret goes in `secrets`. */
export type ShopifyOptions = Readonly<Record<string, never>>;

export function parseShopifyOptions(options: Record<string, unknown> | undefined): ShopifyOptions {
  rejectUnknownOptions(options, 'Shopify', []);
  return {};
}
