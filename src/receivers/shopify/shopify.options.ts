/** Shopify endpoints take no options: the app's client secret goes in `secrets`. */
export type ShopifyOptions = Readonly<Record<string, never>>;

export function parseShopifyOptions(options: Record<string, unknown> | undefined): ShopifyOptions {
  const [name] = Object.keys(options ?? {});
  if (name !== undefined) {
    throw new Error(`options.${name} is not a Shopify option; remove it (Shopify takes none).`);
  }
  return {};
}
